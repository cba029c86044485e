package dev.accounts.adapter.out.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM that starts an embedded PostgreSQL on a directory, writes a row, prints the port and waits to be
 * killed: what a service that dies by {@code kill -9} leaves behind.
 */
public final class AbandoningJvm {

    private static final String PORT_LINE = "port=";

    private AbandoningJvm() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(Path.of(args[0]));
        try (Connection connection = connect(postgres.port()); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text varchar(40))");
            statement.execute("INSERT INTO notes VALUES ('written before the kill')");
        }
        System.out.println(PORT_LINE + postgres.port());
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    static Process start(Path dataDirectory) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AbandoningJvm.class.getName(),
                dataDirectory.toString()).redirectErrorStream(true).start();
    }

    static int awaitPort(Process process) throws Exception {
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(PORT_LINE)) {
                        return Integer.parseInt(line.substring(PORT_LINE.length()).strip());
                    }
                }
                throw new IllegalStateException("the abandoning JVM ended without starting PostgreSQL");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return port.get(60, TimeUnit.SECONDS);
    }

    static boolean answers(int port) {
        try (Connection ignored = connect(port)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection connect(int port) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/accounts", properties);
    }
}
