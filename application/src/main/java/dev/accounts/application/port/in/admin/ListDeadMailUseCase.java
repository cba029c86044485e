package dev.accounts.application.port.in.admin;

/** Lists the outbox messages given up on, a page at a time, oldest queued first. Page sizes as {@link ListUsersUseCase}. */
public interface ListDeadMailUseCase {

    /**
     * @throws dev.accounts.application.port.in.ForbiddenException when the caller is not an active superuser
     * @throws dev.accounts.application.port.in.InvalidInputException when the cursor was not made by this listing or
     *         the limit is outside 1 to {@link ListUsersUseCase#MAX_LIMIT}
     */
    Page<DeadMailView> listDeadMail(ListDeadMailQuery query);
}
