package dev.accounts.application.service;

import dev.accounts.application.port.in.DeliverMailUseCase;
import dev.accounts.application.port.out.MailDeliveryException;
import dev.accounts.application.port.out.MailDeliveryQueue;
import dev.accounts.application.port.out.MailSender;
import dev.accounts.application.port.out.QueuedMail;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One round of the outbox: claim due messages under a lease, send each outside any transaction, then record
 * the outcome. A worker that dies mid-round leaves its messages leased; another worker takes them once the
 * lease runs out, so a crash can repeat a message but never lose it.
 */
public final class MailDeliveryService implements DeliverMailUseCase {

    private static final Logger LOG = System.getLogger(MailDeliveryService.class.getName());
    private static final int MAX_ERROR_LENGTH = 1000;

    private final MailDeliveryQueue queue;
    private final MailSender sender;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;
    private final RandomGenerator random;

    public MailDeliveryService(MailDeliveryQueue queue, MailSender sender, RetryPolicy retryPolicy, Clock clock,
                               Duration lease, int batchSize, RandomGenerator random) {
        this.queue = queue;
        this.sender = sender;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
        this.random = random;
    }

    @Override
    public DeliveryReport deliverDueMail() {
        List<QueuedMail> claimed = queue.claimDue(clock.instant(), lease, batchSize);
        int sent = 0;
        int retried = 0;
        int dead = 0;
        for (QueuedMail mail : claimed) {
            switch (deliver(mail)) {
                case SENT -> sent++;
                case RETRY -> retried++;
                case DEAD -> dead++;
            }
        }
        return new DeliveryReport(sent, retried, dead);
    }

    private Outcome deliver(QueuedMail mail) {
        try {
            sender.send(mail);
        } catch (MailDeliveryException e) {
            return failed(mail, e.getMessage(), e.isPermanent());
        } catch (RuntimeException e) {
            // An unexpected failure is treated as transient: the attempt limit still ends it.
            return failed(mail, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
        queue.markSent(mail.id(), clock.instant());
        log(mail, "sent", null);
        return Outcome.SENT;
    }

    private Outcome failed(QueuedMail mail, String reason, boolean permanent) {
        String error = truncate(reason == null ? "unknown error" : reason);
        Optional<Instant> next = permanent ? Optional.empty() : retryPolicy.nextAttempt(mail.attempt(), clock.instant(), random);
        if (next.isPresent()) {
            queue.retryLater(mail.id(), next.get(), error);
            log(mail, "retry", error);
            return Outcome.RETRY;
        }
        queue.markDead(mail.id(), error);
        log(mail, "dead", error);
        return Outcome.DEAD;
    }

    private static void log(QueuedMail mail, String outcome, String error) {
        Level level = error == null ? Level.INFO : Level.WARNING;
        LOG.log(level, () -> "mail outbox_id=" + mail.id() + " template=" + mail.mail().template() + " attempt=" + mail.attempt()
                + " outcome=" + outcome + (error == null ? "" : " error=\"" + error.replace('\r', ' ').replace('\n', ' ') + "\""));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private enum Outcome { SENT, RETRY, DEAD }
}
