package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.GetAccountUseCase;

/**
 * The signed-in user's account and profile, as authentication read them with the session moments ago: the busiest
 * request of the service then costs the store one statement, and nothing is left to keep consistent.
 */
public final class GetAccountService implements GetAccountUseCase {

    @Override
    public AccountView getAccount(Authenticated current) {
        return AccountView.of(current.account(), current.profile());
    }
}
