package dev.accounts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.application.port.in.UnauthenticatedException;
import org.junit.jupiter.api.Test;

class LogOutServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();

    @Test
    void theTokenIsDeadRightAfterLogout() {
        accounts.register("alice", "alice@example.com");
        String token = accounts.logInToken("alice");

        accounts.logOut.logOut(accounts.authenticate.authenticate(token, null));

        assertThatThrownBy(() -> accounts.authenticate.authenticate(token, null)).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void otherSessionsOfTheUserStayValid() {
        accounts.register("alice", "alice@example.com");
        String laptop = accounts.logInToken("alice");
        String phone = accounts.logInToken("alice");

        accounts.logOut.logOut(accounts.authenticate.authenticate(laptop, null));

        assertThat(accounts.authenticate.authenticate(phone, null).userId()).isNotNull();
    }
}
