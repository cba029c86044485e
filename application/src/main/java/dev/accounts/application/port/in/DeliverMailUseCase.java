package dev.accounts.application.port.in;

/** Sends the queued mail that is due: called over and over by a background worker. */
public interface DeliverMailUseCase {

    /** Claims a batch of due messages and tries each once. */
    DeliveryReport deliverDueMail();

    /** What one round did: how many messages were sent, put back for a later attempt, or given up. */
    record DeliveryReport(int sent, int retried, int dead) {

        public int attempted() {
            return sent + retried + dead;
        }
    }
}
