package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.ChangePasswordCommand;
import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/users/me/password}. {@code toString} hides both passwords. */
public record ChangePasswordRequest(@NotNull String currentPassword, @NotNull String newPassword) {

    public ChangePasswordCommand toCommand(Authenticated current) {
        return new ChangePasswordCommand(current, currentPassword, newPassword);
    }

    @Override
    public String toString() {
        return "ChangePasswordRequest[passwords=hidden]";
    }
}
