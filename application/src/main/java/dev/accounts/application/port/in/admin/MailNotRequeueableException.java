package dev.accounts.application.port.in.admin;

/**
 * The dead message cannot be sent again as it was. A message with a single-use link loses the link's token when the
 * outbox gives up on it (no raw token stays at rest), so sending it again would mail a dead link; the user asks for a
 * new one instead (a new verification mail, a new reset). A message this version cannot read would die again.
 */
public final class MailNotRequeueableException extends RuntimeException {

    public MailNotRequeueableException() {
        super(null, null, false, false);
    }
}
