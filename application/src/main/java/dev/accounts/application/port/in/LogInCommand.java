package dev.accounts.application.port.in;

/** {@code login} is a username or an email address, in any letter case. {@code toString} hides the password. */
public record LogInCommand(String login, String password) {

    @Override
    public String toString() {
        return "LogInCommand[login=" + login + ", password=hidden]";
    }
}
