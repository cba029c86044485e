package dev.accounts.application.port.out;

/**
 * Where use cases put mail to be sent later. Called inside the use case's transaction: the message is
 * stored if and only if the change that caused it commits. Nothing is sent here.
 */
public interface MailOutbox {

    /** Queues the message, due at once: from the moment it is queued, never before. */
    void enqueue(OutgoingMail mail);
}
