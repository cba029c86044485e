package dev.accounts.adapter.in.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text holds no CR, LF or NUL: it may end up in a mail header or a log line, where a line break starts a
 * header or a line of the sender's choosing and NUL cuts the text short. Checked at the edge, before any use case
 * runs, whatever the domain later makes of the value. {@code null} passes; {@code @NotNull} says whether it may.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SingleLine.Validator.class)
@interface SingleLine {

    String message() default "must not contain line breaks or NUL characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<SingleLine, String> {

        @Override
        public boolean isValid(String text, ConstraintValidatorContext context) {
            return text == null || text.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
        }
    }
}
