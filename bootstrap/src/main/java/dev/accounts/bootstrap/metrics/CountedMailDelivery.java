package dev.accounts.bootstrap.metrics;

import dev.accounts.application.port.in.DeliverMailUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what each delivery round reports as {@code accounts.mail.deliveries} by {@code outcome}: {@code sent},
 * {@code retry} (failed, will be tried again) and {@code dead} (given up). Each attempt counts once, in the process
 * that made it, so a sum over instances is the total.
 */
final class CountedMailDelivery implements DeliverMailUseCase {

    static final String NAME = "accounts.mail.deliveries";

    private final DeliverMailUseCase delivery;
    private final Counter sent;
    private final Counter retried;
    private final Counter dead;

    CountedMailDelivery(DeliverMailUseCase delivery, MeterRegistry registry) {
        this.delivery = delivery;
        this.sent = counter("sent", "Mail handed to the mail server", registry);
        this.retried = counter("retry", "Mail attempts that failed and will be retried", registry);
        this.dead = counter("dead", "Mail given up on (permanent failure or attempts exhausted)", registry);
    }

    @Override
    public DeliveryReport deliverDueMail() {
        DeliveryReport report = delivery.deliverDueMail();
        sent.increment(report.sent());
        retried.increment(report.retried());
        dead.increment(report.dead());
        return report;
    }

    private static Counter counter(String outcome, String description, MeterRegistry registry) {
        return Counter.builder(NAME).description(description).tag("outcome", outcome).register(registry);
    }
}
