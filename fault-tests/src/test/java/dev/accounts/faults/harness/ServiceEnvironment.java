package dev.accounts.faults.harness;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of one service instance: the variables a deployment would set (see the README's
 * Configuration), pointing at the scenario's database and SMTP server on loopback. The defaults keep polling and
 * retry delays short, so a scenario's mail settles in seconds rather than minutes.
 */
public final class ServiceEnvironment {

    private final Map<String, String> variables = new LinkedHashMap<>();

    private ServiceEnvironment(Database database, int smtpPort) {
        variables.put("ACCOUNTS_HTTP_ADDRESS", "127.0.0.1");
        variables.put("ACCOUNTS_HTTP_PORT", "0");
        variables.put("ACCOUNTS_PUBLIC_URL", "https://accounts.example.com");
        variables.put("ACCOUNTS_DB_URL", database.jdbcUrl());
        variables.put("ACCOUNTS_DB_USER", database.username());
        variables.put("ACCOUNTS_DB_PASSWORD", database.password());
        variables.put("ACCOUNTS_DB_POOL_SIZE", "8");
        variables.put("ACCOUNTS_SMTP_HOST", "127.0.0.1");
        variables.put("ACCOUNTS_SMTP_PORT", Integer.toString(smtpPort));
        variables.put("ACCOUNTS_SMTP_TRANSPORT", "plain");
        variables.put("ACCOUNTS_SMTP_TIMEOUT", "5s");
        variables.put("ACCOUNTS_MAIL_FROM", "Accounts <no-reply@accounts.example.com>");
        variables.put("ACCOUNTS_MAIL_POLL_INTERVAL", "200ms");
        // Retries every second or two, thirty times: an outage of a scenario's length never uses the attempts up.
        variables.put("ACCOUNTS_MAIL_RETRY_BASE", "200ms");
        variables.put("ACCOUNTS_MAIL_RETRY_CAP", "2s");
        variables.put("ACCOUNTS_MAIL_MAX_ATTEMPTS", "30");
    }

    /** An instance on {@code database}, mailing plain SMTP to 127.0.0.1:{@code smtpPort}. */
    public static ServiceEnvironment of(Database database, int smtpPort) {
        return new ServiceEnvironment(database, smtpPort);
    }

    /** Sets or replaces one variable. */
    public ServiceEnvironment with(String variable, String value) {
        variables.put(variable, value);
        return this;
    }

    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }
}
