package dev.accounts.application.port.in;

/** A user proves who they are with a username or address and a password, and gets a session token. */
public interface LogInUseCase {

    /**
     * @throws InvalidCredentialsException for an unknown login, a wrong password or an inactive account alike
     * @throws TooManyRequestsException while the account or the client address is throttled, whatever the
     *         password (a correct one included)
     */
    NewSession logIn(LogInCommand command);
}
