package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A start that cannot succeed ends with one line saying why, and leaves nothing running. */
class StartupFailureTest {

    @Test
    void reportsAnUnreachableDatabaseInOneLine() {
        AccountsSettings settings = AccountsSettings.fromEnvironment(Map.of(
                "ACCOUNTS_HTTP_PORT", "0",
                "ACCOUNTS_DB_URL", "jdbc:postgresql://127.0.0.1:" + RegistrationEndToEndTest.freePort() + "/accounts"));

        assertThatThrownBy(() -> AccountsApplication.start(settings))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("cannot use the database at jdbc:postgresql://127.0.0.1:")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void reportsATakenPortInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AccountsSettings settings = AccountsSettings.fromEnvironment(Map.of(
                    "ACCOUNTS_HTTP_ADDRESS", "127.0.0.1",
                    "ACCOUNTS_HTTP_PORT", Integer.toString(taken.getLocalPort()),
                    "ACCOUNTS_DATA_DIR", TestDirectories.reachableByEveryone("accounts-port-").resolve("pg").toString()));

            assertThatThrownBy(() -> AccountsApplication.start(settings))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use (set ACCOUNTS_HTTP_PORT)");
        }
    }
}
