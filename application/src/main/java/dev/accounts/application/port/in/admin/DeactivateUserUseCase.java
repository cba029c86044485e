package dev.accounts.application.port.in.admin;

import dev.accounts.application.port.in.Authenticated;

/**
 * Stops an account: it can no longer log in, and every session it has ends in the same transaction, so its tokens are
 * dead at once. Deactivating an inactive account changes nothing but is audited all the same.
 */
public interface DeactivateUserUseCase {

    /**
     * @return the account as it is now
     * @throws dev.accounts.application.port.in.ForbiddenException when the caller is not an active superuser
     * @throws dev.accounts.application.port.in.NotFoundException when no account has this id
     * @throws CannotDeactivateSelfException when the caller names their own account
     */
    AdminUserView deactivate(Authenticated current, String userId);
}
