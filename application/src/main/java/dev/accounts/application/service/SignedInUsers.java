package dev.accounts.application.service;

import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.UnauthenticatedException;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.User;

/** Loads the user behind an authenticated request. */
final class SignedInUsers {

    private SignedInUsers() {
    }

    /**
     * @throws UnauthenticatedException when the user is gone since the session was checked: the request then
     *         has nobody behind it
     */
    static User load(UserRepository users, Authenticated current) {
        return users.findById(current.userId()).orElseThrow(UnauthenticatedException::new);
    }
}
