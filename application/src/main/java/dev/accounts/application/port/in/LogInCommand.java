package dev.accounts.application.port.in;

/**
 * {@code login} is a username or an email address, in any letter case. {@code clientAddress} (may be null) is
 * throttled and audited. {@code toString} hides the password.
 */
public record LogInCommand(String login, String password, String clientAddress) {

    public LogInCommand(String login, String password) {
        this(login, password, null);
    }

    @Override
    public String toString() {
        return "LogInCommand[login=" + login + ", password=hidden]";
    }
}
