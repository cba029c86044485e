package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox;
import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.fixtures.Users;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.OutgoingMail;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.SecretToken;
import dev.accounts.domain.user.User;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailRequestLimitsTest {

    private static final Set<MailTemplate> RESET = Set.of(MailTemplate.PASSWORD_RESET);
    private final MutableClock clock = MutableClock.startingAt("2026-11-21T10:00:00Z");
    private final InMemoryMailOutbox outbox = new InMemoryStore(clock).outbox();
    private final MailRequestLimits limits = new MailRequestLimits(outbox, new LifecyclePolicy(Duration.ofHours(24),
            Duration.ofHours(2), Duration.ofHours(24), Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(1), 2));
    private final User alice = Users.registered("alice", "alice@example.com");

    @Test
    void allowsTheFirstMail() {
        assertThat(limits.allow(alice.email(), RESET, clock.instant())).isTrue();
        assertThat(limits.waitBefore(alice.email(), RESET, clock.instant())).isEmpty();
    }

    @Test
    void aMailOfTheSameKindBlocksTheRestOfTheIntervalForTheSameAddressInAnyCase() {
        outbox.enqueue(OutgoingMail.passwordReset(alice, SecretToken.generate()));
        clock.advance(Duration.ofSeconds(15));
        EmailAddress sameInOtherCase = new EmailAddress("ALICE@example.com");

        assertThat(limits.allow(sameInOtherCase, RESET, clock.instant())).isFalse();
        assertThat(limits.waitBefore(sameInOtherCase, RESET, clock.instant())).hasValueSatisfying(
                wait -> assertThat(wait).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(46)));

        clock.advance(Duration.ofSeconds(45));
        assertThat(limits.allow(sameInOtherCase, RESET, clock.instant())).as("a full minute later").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.allow(sameInOtherCase, RESET, clock.instant())).isTrue();
    }

    @Test
    void mailOfAnotherKindOrToAnotherAddressDoesNotBlock() {
        outbox.enqueue(OutgoingMail.emailVerification(alice, SecretToken.generate()));

        assertThat(limits.allow(alice.email(), RESET, clock.instant())).isTrue();
        assertThat(limits.allow(new EmailAddress("bob@example.com"), Set.of(MailTemplate.EMAIL_VERIFICATION),
                clock.instant())).isTrue();
    }

    @Test
    void theDailyLimitHoldsUntilTheOldestCountedMailIsADayOld() {
        outbox.enqueue(OutgoingMail.passwordReset(alice, SecretToken.generate()));
        clock.advance(Duration.ofHours(1));
        outbox.enqueue(OutgoingMail.emailVerification(alice, SecretToken.generate()));
        clock.advance(Duration.ofHours(1));

        assertThat(limits.waitBefore(alice.email(), RESET, clock.instant())).hasValueSatisfying(
                wait -> assertThat(wait).isBetween(Duration.ofHours(22), Duration.ofHours(22).plusMinutes(23)));

        clock.advance(Duration.ofHours(22));
        assertThat(limits.allow(alice.email(), RESET, clock.instant())).as("a full day later").isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limits.allow(alice.email(), RESET, clock.instant())).isTrue();
    }

    @Test
    void theWelcomeMailDoesNotCountTowardsTheDailyLimit() {
        outbox.enqueue(OutgoingMail.welcome(alice, SecretToken.generate()));
        outbox.enqueue(OutgoingMail.passwordReset(alice, SecretToken.generate()));
        clock.advance(Duration.ofMinutes(2));

        assertThat(limits.allow(alice.email(), RESET, clock.instant())).isTrue();
    }
}
