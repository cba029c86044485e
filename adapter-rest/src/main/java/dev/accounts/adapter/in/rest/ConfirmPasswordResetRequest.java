package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.ResetPasswordCommand;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/password-resets/confirm}. {@code toString} hides the token and the password. */
public record ConfirmPasswordResetRequest(@NotNull String token, @NotNull String newPassword) {

    public ResetPasswordCommand toCommand(ClientAddress client) {
        return new ResetPasswordCommand(token, newPassword, client.value());
    }

    @Override
    public String toString() {
        return "ConfirmPasswordResetRequest[hidden]";
    }
}
