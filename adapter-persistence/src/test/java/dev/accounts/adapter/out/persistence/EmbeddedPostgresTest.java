package dev.accounts.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path temp;

    @Test
    void keepsItsDataAcrossARestart() throws Exception {
        Path data = worldReachable(temp.resolve("data"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(data)) {
            execute(postgres, "CREATE TABLE notes (text varchar(20))", "INSERT INTO notes VALUES ('kept')");
        }

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(data)) {
            assertThat(queryText(postgres, "SELECT text FROM notes")).isEqualTo("kept");
        }
    }

    @Test
    void refusesADataDirectoryWhoseServerStillBelongsToARunningProcess() throws Exception {
        Path data = worldReachable(temp.resolve("shared"));
        try (EmbeddedPostgres first = EmbeddedPostgres.start(data)) {
            execute(first, "CREATE TABLE notes (text varchar(20))", "INSERT INTO notes VALUES ('still here')");

            assertThatThrownBy(() -> EmbeddedPostgres.start(data))
                    .hasMessageContaining("is in use by another running server");
            assertThat(queryText(first, "SELECT text FROM notes")).isEqualTo("still here");
        }
    }

    @Test
    void servesTheAccountsDatabaseOnTheLoopbackAddressInUtf8() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.startTemporary()) {
            assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/accounts");
            assertThat(queryText(postgres, "SELECT current_database() || ' ' || pg_encoding_to_char(encoding) || ' '"
                    + " || datcollate FROM pg_database WHERE datname = current_database()")).isEqualTo("accounts UTF8 C");
            assertThat(queryText(postgres, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void runsTheServerAsNobodyWhenJavaRunsAsRoot() throws Exception {
        assumeTrue(runsAsRoot(), "only meaningful when the tests run as root");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.startTemporary()) {
            try (Connection session = connect(postgres); Statement statement = session.createStatement();
                 ResultSet backend = statement.executeQuery("SELECT pg_backend_pid()")) {
                assertThat(backend.next()).isTrue();

                // The session's server process lives as long as the connection.
                assertThat(ProcessHandle.of(backend.getLong(1)).flatMap(process -> process.info().user()))
                        .contains("nobody");
            }
            assertThat(Files.getAttribute(postgres.dataDirectory(), "unix:uid")).isEqualTo(ServerAccount.NOBODY);
        }
    }

    @Test
    void deletesATemporaryDataDirectoryWhenClosedAndClosesOnlyOnce() {
        EmbeddedPostgres postgres = EmbeddedPostgres.startTemporary();
        Path data = postgres.dataDirectory();

        postgres.close();
        postgres.close();

        assertThat(data).doesNotExist();
        assertThatThrownBy(() -> connect(postgres)).isInstanceOf(SQLException.class);
    }

    @Test
    void stopsAServerOrphanedByAKilledJvm() throws Exception {
        Path data = worldReachable(temp.resolve("data"));
        Process owner = AbandoningJvm.start(data);
        try {
            int orphanPort = AbandoningJvm.awaitPort(owner);
            owner.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook, no close(); its PostgreSQL lives on
            assertThat(AbandoningJvm.answers(orphanPort)).isTrue();

            try (EmbeddedPostgres successor = EmbeddedPostgres.start(data)) {
                assertThat(AbandoningJvm.answers(orphanPort)).isFalse();
                assertThat(queryText(successor, "SELECT text FROM notes")).isEqualTo("written before the kill");
            }
        } finally {
            owner.destroyForcibly();
        }
    }

    @Test
    void explainsADataDirectoryTheServerAccountCannotReach() throws IOException {
        assumeTrue(runsAsRoot(), "only root switches to another account");
        Path closed = Files.createDirectory(temp.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> EmbeddedPostgres.start(closed.resolve("data")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("could not start the embedded PostgreSQL: the data directory")
                .hasMessageContaining("nobody")
                .hasMessageContaining(closed + " is not searchable by other users");
    }

    /** JUnit's temporary directory is private to root; the server account must be able to pass through it. */
    private Path worldReachable(Path directory) throws IOException {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwx--x--x"));
        return directory;
    }

    private static boolean runsAsRoot() throws IOException {
        return ServerAccount.uidOfThisProcess() == 0;
    }

    private static Connection connect(EmbeddedPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }

    private static void execute(EmbeddedPostgres postgres, String... statements) throws SQLException {
        try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String queryText(EmbeddedPostgres postgres, String query) throws SQLException {
        try (Connection connection = connect(postgres); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }
}
