package dev.accounts.adapter.in.rest;

import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/password-resets}: the address to send a reset link to, if it has an account. */
public record PasswordResetRequest(@NotNull @SingleLine String email) {
}
