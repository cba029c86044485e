package dev.accounts.application.service;

import dev.accounts.application.port.in.FieldError;
import dev.accounts.application.port.in.InvalidInputException;
import dev.accounts.domain.user.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects the broken rules of a command field by field, so one answer can list them all. */
final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    /** Builds a value object, or records why it could not be built and returns null. */
    <T> T parse(String field, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    void addAll(String field, List<String> messages) {
        messages.forEach(message -> errors.add(new FieldError(field, message)));
    }

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
