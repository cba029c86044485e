package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.LogInCommand;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/sessions}: a username or address, in any case, and the password. */
public record LogInRequest(@NotNull String login, @NotNull String password) {

    public LogInCommand toCommand(ClientAddress client) {
        return new LogInCommand(login, password, client.value());
    }

    @Override
    public String toString() {
        return "LogInRequest[login=" + login + ", password=hidden]";
    }
}
