package dev.accounts.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UserLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(60);
    private final EmailAddress old = new EmailAddress("alice@example.com");
    private final EmailAddress next = new EmailAddress("alice@example.org");
    private final User alice = User.register(UserId.generate(Clock.fixed(NOW, ZoneOffset.UTC)), new Username("alice"), old,
            new PasswordHash("$test$1"), NOW);

    @Test
    void aNewUsernameAppliesAtOnce() {
        User renamed = alice.withUsername(new Username("Alice2"), LATER);
        assertThat(renamed.username().value()).isEqualTo("Alice2");
        assertThat(renamed.updatedAt()).isEqualTo(LATER);
        assertThat(renamed.id()).isEqualTo(alice.id());
    }

    @Test
    void aNewAddressWaitsAndTheOldOneStaysTheLoginUntilConfirmed() {
        User pending = alice.withPendingEmail(next, LATER);
        assertThat(pending.email()).isEqualTo(old);
        assertThat(pending.pendingEmail()).contains(next);

        User confirmed = pending.confirmPendingEmail(new EmailAddress("ALICE@example.org"), LATER);
        assertThat(confirmed.email()).isEqualTo(next);
        assertThat(confirmed.emailVerified()).isTrue();
        assertThat(confirmed.pendingEmail()).isEmpty();
    }

    @Test
    void aSupersededAddressCannotBeConfirmed() {
        User pending = alice.withPendingEmail(next, LATER).withPendingEmail(new EmailAddress("third@example.net"), LATER);
        assertThatThrownBy(() -> pending.confirmPendingEmail(next, LATER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> alice.confirmPendingEmail(next, LATER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verifiesOnlyTheAddressTheTokenWasSentTo() {
        assertThat(alice.verifyEmail(new EmailAddress("Alice@Example.com"), LATER).emailVerified()).isTrue();
        assertThatThrownBy(() -> alice.verifyEmail(next, LATER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aNewPasswordHashKeepsEverythingElse() {
        User changed = alice.withPasswordHash(new PasswordHash("$test$2"), LATER);
        assertThat(changed.passwordHash().value()).isEqualTo("$test$2");
        assertThat(changed.username()).isEqualTo(alice.username());
        assertThat(changed.createdAt()).isEqualTo(NOW);
    }

    @Test
    void aDeactivatedUserIsInactiveWithEverythingElseKept() {
        User deactivated = alice.deactivate(LATER);
        assertThat(deactivated.active()).isFalse();
        assertThat(deactivated.updatedAt()).isEqualTo(LATER);
        assertThat(deactivated.username()).isEqualTo(alice.username());
        assertThat(deactivated.passwordHash()).isEqualTo(alice.passwordHash());
        assertThat(deactivated.superuser()).isEqualTo(alice.superuser());
    }

    @Test
    void aReactivatedUserIsActiveAgain() {
        User reactivated = alice.deactivate(LATER).reactivate(LATER.plusSeconds(1));
        assertThat(reactivated.active()).isTrue();
        assertThat(reactivated.updatedAt()).isEqualTo(LATER.plusSeconds(1));
    }

    @Test
    void deactivatingAnInactiveOrReactivatingAnActiveUserChangesNothing() {
        User deactivated = alice.deactivate(LATER);
        assertThat(deactivated.deactivate(LATER.plusSeconds(5))).isSameAs(deactivated);
        assertThat(alice.reactivate(LATER)).isSameAs(alice);
    }
}
