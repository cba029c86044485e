package dev.accounts.application.port.in.admin;

import dev.accounts.application.port.in.Authenticated;

/** Lets a deactivated account log in again (sessions ended by the deactivation stay ended). */
public interface ReactivateUserUseCase {

    /**
     * @return the account as it is now
     * @throws dev.accounts.application.port.in.ForbiddenException when the caller is not an active superuser
     * @throws dev.accounts.application.port.in.NotFoundException when no account has this id
     */
    AdminUserView reactivate(Authenticated current, String userId);
}
