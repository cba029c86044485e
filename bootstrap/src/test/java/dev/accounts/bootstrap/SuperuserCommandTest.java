package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code java -jar accounts.jar create-superuser}: the only way to a superuser, and it lands in the audit trail. */
class SuperuserCommandTest {

    private static final String PASSWORD = "the operator's own passphrase";

    @Test
    void createsASuperuserWhoCanLogInAndIsAudited() throws Exception {
        Path data = TestDirectories.reachableByEveryone("accounts-superuser-");
        AccountsSettings settings = AccountsSettings.fromEnvironment(Map.of(
                "ACCOUNTS_HTTP_PORT", "0", "ACCOUNTS_HTTP_ADDRESS", "127.0.0.1",
                "ACCOUNTS_DATA_DIR", data.resolve("pg").toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = SuperuserCommand.run(settings, new String[] {"create-superuser", "--username", "root_admin",
                        "--email", "admin@example.com"}, null, new BufferedReader(new StringReader(PASSWORD + "\n")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Superuser root_admin created (id ");
        assertThat(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).doesNotContain(PASSWORD);

        try (AccountsApplication application = AccountsApplication.start(settings)) {
            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(application.bean(DataSource.class));
            assertThat(jdbc.queryForObject("SELECT is_superuser AND email_verified FROM users WHERE username = 'root_admin'",
                    Boolean.class)).isTrue();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_events WHERE action = 'SUPERUSER_CREATED'"
                    + " AND outcome = 'SUCCESS' AND client_address = 'command-line'", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void refusesTheMemoryStoreBeforeAskingForAPassword() {
        AccountsSettings settings = AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_STORE", "memory"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringReader stdin = new StringReader(PASSWORD + "\n");

        int exit = SuperuserCommand.run(settings, new String[] {"create-superuser", "--username", "root_admin",
                        "--email", "admin@example.com"}, null, new BufferedReader(stdin), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
                .startsWith("accounts: create-superuser needs a store that keeps data").contains("ACCOUNTS_STORE=memory");
        assertThat(new BufferedReader(stdin).lines()).as("the password was never read").containsExactly(PASSWORD);
    }

    @Test
    void refusesMissingOptionsAndWeakPasswordsWithoutAStackTrace() {
        AccountsSettings settings = AccountsSettings.fromEnvironment(Map.of(
                "ACCOUNTS_DATA_DIR", TestDirectories.reachableByEveryone("accounts-superuser-").resolve("pg").toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(SuperuserCommand.run(settings, new String[] {"create-superuser", "--username", "x"}, null,
                new BufferedReader(new StringReader("")), System.out, errors)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--username and --email are required");

        err.reset();
        assertThat(SuperuserCommand.run(settings, new String[] {"create-superuser", "--username", "root_admin", "--email",
                "admin@example.com"}, null, new BufferedReader(new StringReader("short\n")), System.out, errors)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("password must be at least 12 characters long")
                .doesNotContain("Exception");
    }
}
