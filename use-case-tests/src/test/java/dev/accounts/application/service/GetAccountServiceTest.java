package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accounts.application.port.in.AccountView;
import dev.accounts.application.port.in.Authenticated;
import dev.accounts.domain.user.Profile;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.Username;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GetAccountServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();

    @Test
    void showsTheUserWithProfileAndNoPendingAddress() {
        User alice = accounts.register("Alice", "Alice@Example.com");
        accounts.profiles.save(alice.id(), new Profile("Alice Liddell", "Curiouser and curiouser"));

        AccountView view = accounts.getAccount.getAccount(accounts.signIn("alice"));

        assertThat(view.id()).isEqualTo(alice.id().value());
        assertThat(view.username()).isEqualTo("Alice");
        assertThat(view.email()).isEqualTo("Alice@Example.com");
        assertThat(view.emailVerified()).isFalse();
        assertThat(view.active()).isTrue();
        assertThat(view.pendingEmail()).isNull();
        assertThat(view.profile()).isEqualTo(new AccountView.ProfileView("Alice Liddell", "Curiouser and curiouser"));
    }

    @Test
    void aNewUserHasAnEmptyProfile() {
        accounts.register("alice", "alice@example.com");

        assertThat(accounts.getAccount.getAccount(accounts.signIn("alice")).profile())
                .isEqualTo(new AccountView.ProfileView(null, null));
    }

    @Test
    void showsTheAccountAsAuthenticationReadItWithoutReadingItAgain() {
        User alice = accounts.register("alice", "alice@example.com");
        Authenticated current = accounts.signIn("alice");
        accounts.users.update(alice.withUsername(new Username("alice2"), Instant.now()));

        assertThat(accounts.getAccount.getAccount(current).username()).isEqualTo("alice");
    }
}
