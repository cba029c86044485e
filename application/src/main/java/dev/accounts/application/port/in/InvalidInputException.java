package dev.accounts.application.port.in;

import java.util.List;
import java.util.stream.Collectors;

/** The command broke one or more rules; nothing was changed. Lists every offending field at once. */
public final class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid " + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")), null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
