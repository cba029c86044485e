package dev.accounts.application.port.in.admin;

import dev.accounts.application.port.in.Authenticated;

/** One account, as a superuser sees it. */
public interface GetUserUseCase {

    /**
     * @param userId the account's id as the client sent it
     * @throws dev.accounts.application.port.in.ForbiddenException when the caller is not an active superuser
     * @throws dev.accounts.application.port.in.NotFoundException when no account has this id (or it is not an id)
     */
    AdminUserView getUser(Authenticated current, String userId);
}
