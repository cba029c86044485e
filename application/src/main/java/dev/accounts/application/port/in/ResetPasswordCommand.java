package dev.accounts.application.port.in;

/** {@code toString} hides the token and the password. */
public record ResetPasswordCommand(String token, String newPassword, String clientAddress) {

    public ResetPasswordCommand(String token, String newPassword) {
        this(token, newPassword, null);
    }

    @Override
    public String toString() {
        return "ResetPasswordCommand[hidden]";
    }
}
