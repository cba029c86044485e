package dev.accounts.application.port.in;

/** {@code toString} hides both passwords. */
public record ChangePasswordCommand(Authenticated current, String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordCommand[user=" + current.userId() + ", passwords=hidden]";
    }
}
