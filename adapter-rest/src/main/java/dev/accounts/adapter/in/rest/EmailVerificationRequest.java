package dev.accounts.adapter.in.rest;

import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/email-verifications}: the token from the mailed link. {@code toString} hides it. */
public record EmailVerificationRequest(@NotNull String token) {

    @Override
    public String toString() {
        return "EmailVerificationRequest[token=hidden]";
    }
}
