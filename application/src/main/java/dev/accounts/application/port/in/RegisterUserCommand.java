package dev.accounts.application.port.in;

/**
 * Register a user. Values arrive as typed; the use case checks them all and reports every broken rule
 * at once ({@link InvalidInputException}). {@code toString} hides the password.
 */
public record RegisterUserCommand(String username, String email, String password) {

    @Override
    public String toString() {
        return "RegisterUserCommand[username=" + username + ", email=" + email + ", password=hidden]";
    }
}
