package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.RegisterUserCommand;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /api/users}. Only its shape is checked here (every field present, the two that reach
 * mail headers and logs on one line); whether the values are acceptable is the use case's call. {@code toString}
 * hides the password.
 */
public record RegisterUserRequest(@NotNull @SingleLine String username, @NotNull @SingleLine String email,
                                  @NotNull String password) {

    public RegisterUserCommand toCommand(ClientAddress client) {
        return new RegisterUserCommand(username, email, password, client.value());
    }

    @Override
    public String toString() {
        return "RegisterUserRequest[username=" + username + ", email=" + email + ", password=hidden]";
    }
}
