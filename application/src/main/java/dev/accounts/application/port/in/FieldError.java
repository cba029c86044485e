package dev.accounts.application.port.in;

import java.util.Objects;

/** One input field and the rule it broke, in words a client can show to a user. */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
