package dev.accounts.application.port.in.admin;

import dev.accounts.application.port.in.Authenticated;

/**
 * Puts a dead message back in the outbox: pending, due at once, with no attempts counted, so it gets the full number of
 * tries again (after the mail server or the address was fixed, say).
 */
public interface RequeueMailUseCase {

    /**
     * @param mailId the message's id as the client sent it
     * @throws dev.accounts.application.port.in.ForbiddenException when the caller is not an active superuser
     * @throws dev.accounts.application.port.in.NotFoundException when no dead message has this id
     * @throws MailNotRequeueableException when the message carried a link whose token was erased when it died
     */
    void requeue(Authenticated current, String mailId);
}
