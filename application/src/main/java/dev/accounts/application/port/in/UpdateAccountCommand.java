package dev.accounts.application.port.in;

/**
 * Change the username and/or start an address change. A null field stays as it is. A new address needs the
 * current password; a new username does not. {@code toString} hides the password.
 */
public record UpdateAccountCommand(Authenticated current, String username, String email, String currentPassword) {

    @Override
    public String toString() {
        return "UpdateAccountCommand[user=" + current.userId() + ", username=" + username + ", email=" + email
                + ", currentPassword=" + (currentPassword == null ? "absent" : "hidden") + "]";
    }
}
