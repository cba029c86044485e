package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.FieldError;

/** One entry of a problem's {@code errors}: the offending field and the rule it broke, never its value. */
public record ProblemFieldError(String field, String message) {

    static ProblemFieldError from(FieldError error) {
        return new ProblemFieldError(error.field(), error.message());
    }
}
