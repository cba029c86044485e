package dev.accounts.application.port.in;

/** The signed-in user's own account. */
public interface GetAccountUseCase {

    AccountView getAccount(Authenticated current);
}
