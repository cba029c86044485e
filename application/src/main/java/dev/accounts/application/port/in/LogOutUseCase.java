package dev.accounts.application.port.in;

/** Ends the session the request came with; its token is dead at once. */
public interface LogOutUseCase {

    void logOut(Authenticated current);
}
