package dev.accounts.application.port.in;

/**
 * Register a user. Values arrive as typed; the use case checks them all and reports every broken rule
 * at once ({@link InvalidInputException}). {@code clientAddress} (may be null) goes to the audit trail.
 * {@code toString} hides the password.
 */
public record RegisterUserCommand(String username, String email, String password, String clientAddress) {

    /** A registration whose client address is not known. */
    public RegisterUserCommand(String username, String email, String password) {
        this(username, email, password, null);
    }

    @Override
    public String toString() {
        return "RegisterUserCommand[username=" + username + ", email=" + email + ", password=hidden]";
    }
}
