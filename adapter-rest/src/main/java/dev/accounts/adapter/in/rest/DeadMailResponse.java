package dev.accounts.adapter.in.rest;

import dev.accounts.application.port.in.admin.DeadMailView;
import java.time.Instant;
import java.util.UUID;

/**
 * A dead outbox message as the admin API shows it: never its body or parameters. {@code lastError} and
 * {@code diedAt} may be null; {@code requeueable} says whether {@code POST /api/admin/mail/{id}/requeue} takes it.
 */
public record DeadMailResponse(UUID id, String recipient, String template, int attempts, String lastError,
                               Instant createdAt, Instant diedAt, boolean requeueable) {

    public static DeadMailResponse from(DeadMailView mail) {
        return new DeadMailResponse(mail.id(), mail.recipient(), mail.template(), mail.attempts(), mail.lastError(),
                mail.createdAt(), mail.diedAt(), mail.requeueable());
    }
}
