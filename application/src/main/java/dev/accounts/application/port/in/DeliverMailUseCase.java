package dev.accounts.application.port.in;

/** Sends the queued mail that is due: called over and over by a background worker. */
public interface DeliverMailUseCase {

    /** Claims a batch of due messages and tries each once. */
    DeliveryReport deliverDueMail();

    /**
     * What one round did: how many messages were sent, put back for a later attempt, or given up; and whether it
     * claimed a full batch, so that more mail may be due already.
     */
    record DeliveryReport(int sent, int retried, int dead, boolean fullBatch) {

        /** A round that claimed less than a full batch: nothing else was due when it claimed. */
        public DeliveryReport(int sent, int retried, int dead) {
            this(sent, retried, dead, false);
        }

        public int attempted() {
            return sent + retried + dead;
        }
    }
}
