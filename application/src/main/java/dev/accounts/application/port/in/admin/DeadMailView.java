package dev.accounts.application.port.in.admin;

import java.time.Instant;
import java.util.UUID;

/**
 * A message the outbox gave up on, as a superuser sees it: never its body or its parameters, which may have carried a
 * link's token. {@code template} is the name it was stored under; {@code lastError} is why its last attempt failed;
 * {@code diedAt} is null when not known (a message given up on before that time was kept). {@code requeueable} says
 * whether {@link RequeueMailUseCase} will take it.
 */
public record DeadMailView(UUID id, String recipient, String template, int attempts, String lastError,
                           Instant createdAt, Instant diedAt, boolean requeueable) {
}
