package dev.accounts.application.port.in;

/** Finds the live session behind a bearer token, and records its use. */
public interface AuthenticateUseCase {

    /**
     * @throws UnauthenticatedException when the token is malformed, unknown, expired, idle too long or revoked,
     *         or its user is no longer active
     */
    Authenticated authenticate(String bearerToken, String clientAddress);
}
