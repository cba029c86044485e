package dev.accounts.adapter.in.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Says in one sentence why a request body could not be read, naming the field or the position when known.
 * Jackson's own messages are not used: they may quote the offending input, which may be a password.
 */
final class UnreadableBody {

    /** A field name is shown only when it looks like one; anything else could be a value sent as a key. */
    private static final Pattern SHOWABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final String DUPLICATE_PREFIX = "Duplicate Object property";

    private UnreadableBody() {
    }

    static String explain(Throwable cause) {
        return switch (cause) {
            case null -> "The request body is missing or null; it must be a JSON object.";
            case UnrecognizedPropertyException readOnly when isReadOnly(readOnly) ->
                    "Field '" + readOnly.getPropertyName() + "' is read-only; it cannot be changed here.";
            case UnrecognizedPropertyException unknown -> showable(unknown.getPropertyName())
                    .map(name -> "Unknown field '" + name + "'.")
                    .orElse("The request body has an unknown field.");
            case MismatchedInputException mismatch -> fieldOf(mismatch)
                    .map(field -> "Field '" + field + "' " + expected(mismatch.getTargetType()) + ".")
                    .orElse("The request body must be exactly one JSON object.");
            case StreamConstraintsException ignored ->
                    "The request body exceeds a JSON limit (nesting depth, length of a name, string or number).";
            case StreamReadException syntax when isDuplicate(syntax) -> duplicateName(syntax)
                    .map(name -> "Duplicate field '" + name + "'.")
                    .orElse("The request body has a duplicate field.");
            case StreamReadException syntax -> "The request body is not well-formed JSON" + at(syntax.getLocation()) + ".";
            default -> "The request body could not be read.";
        };
    }

    /** Only names the request type itself declares read-only are echoed, so no client text gets through. */
    private static boolean isReadOnly(UnrecognizedPropertyException unknown) {
        Class<?> target = unknown.getReferringClass();
        ReadOnlyFields readOnly = target == null ? null : target.getAnnotation(ReadOnlyFields.class);
        return readOnly != null && Arrays.asList(readOnly.value()).contains(unknown.getPropertyName());
    }

    private static Optional<String> fieldOf(MismatchedInputException mismatch) {
        List<JacksonException.Reference> path = mismatch.getPath();
        return path.isEmpty() ? Optional.empty() : showable(path.get(path.size() - 1).getPropertyName());
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class))) {
            return "must be a number";
        }
        return "has the wrong type";
    }

    private static boolean isDuplicate(StreamReadException syntax) {
        String message = syntax.getOriginalMessage();
        return message != null && message.startsWith(DUPLICATE_PREFIX);
    }

    /** The parser has just read the repeated name when it detects the repetition. */
    private static Optional<String> duplicateName(StreamReadException syntax) {
        JsonParser parser = syntax.processor();
        return parser == null ? Optional.empty() : showable(parser.currentName());
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static Optional<String> showable(String name) {
        return name != null && SHOWABLE_NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
