package dev.accounts.adapter.in.rest;

import java.util.regex.Pattern;

/**
 * Reads typed query parameters strictly: {@code true} or {@code false}, not Spring's lenient {@code yes}, {@code on} or
 * {@code 1}; a number as plain digits. A value that is not of its type is a malformed request (400); whether a
 * well-formed value is allowed (a limit in range) is the use case's to say (422).
 */
final class QueryParameters {

    /** Up to nine digits: any page size worth asking for, and never an overflow. */
    private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,9}");

    private QueryParameters() {
    }

    /** @return null when the parameter was not sent or sent empty */
    static Boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new MalformedQueryParameterException(name, "must be true or false");
        };
    }

    /** @return null when the parameter was not sent or sent empty */
    static Integer number(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!SMALL_NUMBER.matcher(value).matches()) {
            throw new MalformedQueryParameterException(name, "must be a whole number");
        }
        return Integer.valueOf(value);
    }
}
