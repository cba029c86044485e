package dev.accounts.application.service;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.application.port.in.GetAccountUseCase;
import dev.accounts.application.port.out.ProfileRepository;
import dev.accounts.application.port.out.UserRepository;
import dev.accounts.domain.user.User;

/** The signed-in user's account and profile, read without a transaction: two reads, nothing to keep consistent. */
public final class GetAccountService implements GetAccountUseCase {

    private final UserRepository users;
    private final ProfileRepository profiles;

    public GetAccountService(UserRepository users, ProfileRepository profiles) {
        this.users = users;
        this.profiles = profiles;
    }

    @Override
    public AccountView getAccount(Authenticated current) {
        User user = SignedInUsers.load(users, current);
        return AccountView.of(user, profiles.find(user.id()));
    }
}
