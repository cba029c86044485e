package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.GetAccountUseCase;
import dev.accounts.application.port.out.ProfileRepository;

/**
 * The signed-in user's account and profile. The account is the one authentication read with the session moments
 * ago; only the profile is read here, without a transaction: one read, nothing to keep consistent.
 */
public final class GetAccountService implements GetAccountUseCase {

    private final ProfileRepository profiles;

    public GetAccountService(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    @Override
    public AccountView getAccount(Authenticated current) {
        return AccountView.of(current.account(), profiles.find(current.userId()));
    }
}
