package dev.accounts.bootstrap;

import dev.accounts.adapter.out.crypto.Argon2Implementation;
import dev.accounts.adapter.out.mail.MailSettings;
import dev.accounts.bootstrap.logging.LogFormat;
import dev.accounts.application.service.LifecyclePolicy;
import dev.accounts.application.service.LoginThrottlePolicy;
import dev.accounts.domain.throttle.BackoffPolicy;
import java.util.List;
import dev.accounts.domain.user.PasswordPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the service can be told, read from {@code ACCOUNTS_*} environment variables (the README lists
 * each with its default). Secrets never appear in {@link #toString()} or {@link #describe()}.
 */
public record AccountsSettings(Http http, Database database, MailSettings mail, Delivery delivery, Passwords passwords,
                               LifecyclePolicy lifecycle, Security security, int maxConcurrentHashes,
                               Argon2Implementation hasher, Observability observability, Store store) {

    /** Where accounts are kept: PostgreSQL (the default), or memory, which keeps nothing after the process ends. */
    public enum Store { POSTGRES, MEMORY }

    /** How the service reports on itself: the log line format, and the token a metrics scraper must present, if any. */
    public record Observability(LogFormat logFormat, Optional<String> metricsToken) {

        @Override
        public String toString() {
            return "Observability[logFormat=" + logFormat + ", metricsToken=" + (metricsToken.isPresent() ? "set" : "none") + "]";
        }
    }

    /**
     * Who may be believed about client addresses, which browser origins may call the API, whether registration
     * hides which accounts exist, and how login failures slow a guesser down.
     */
    public record Security(List<String> trustedProxies, List<String> corsAllowedOrigins, boolean registrationPrivacy,
                           LoginThrottlePolicy loginThrottle) {
    }

    /** Where and how HTTP is served. {@code port} 0 picks a free port (tests). */
    public record Http(String address, int port, long maxBodyBytes) {
    }

    /**
     * An external PostgreSQL when {@code url} is present, otherwise an embedded one keeping its data in
     * {@code dataDirectory}; {@code sessionCache}: sessions kept in memory between requests, revoked by notification.
     */
    public record Database(Optional<String> url, String username, String password, Path dataDirectory, int poolSize,
                           boolean sessionCache) {

        public boolean embedded() {
            return url.isEmpty();
        }

        @Override
        public String toString() {
            return "Database[" + (embedded() ? "embedded at " + dataDirectory : url.get() + " as " + username)
                    + ", pool=" + poolSize + ", session cache " + (sessionCache ? "on" : "off") + "]";
        }
    }

    /**
     * How the outbox worker paces itself and retries; {@code sendParallelism} messages of a round are sent at once,
     * each over an SMTP connection of its own kept open between messages.
     */
    public record Delivery(Duration pollInterval, Duration gatherWindow, Duration lease, int batchSize,
                           Duration retryBase, Duration retryCap, int maxAttempts, int sendParallelism) {
    }

    /** Password length policy, in code points. */
    public record Passwords(int minLength, int maxLength) {
    }

    private static final int MIN_METRICS_TOKEN_LENGTH = 16;

    public static AccountsSettings fromEnvironment(Map<String, String> variables) {
        Environment env = new Environment(variables);
        Http http = new Http(
                env.string("ACCOUNTS_HTTP_ADDRESS", "0.0.0.0"),
                env.integer("ACCOUNTS_HTTP_PORT", 8080, 0, 65535),
                64 * 1024);
        URI publicUrl = env.httpUrl("ACCOUNTS_PUBLIC_URL",
                URI.create("http://localhost:" + (http.port() == 0 ? 8080 : http.port())));
        Database database = new Database(
                env.optional("ACCOUNTS_DB_URL").map(url -> requireJdbcUrl(url)),
                env.string("ACCOUNTS_DB_USER", "postgres"),
                env.string("ACCOUNTS_DB_PASSWORD", ""),
                env.path("ACCOUNTS_DATA_DIR", Path.of("data")),
                env.integer("ACCOUNTS_DB_POOL_SIZE", 10, 1, 500),
                env.bool("ACCOUNTS_SESSION_CACHE", true));
        MailSettings mail = mail(env, publicUrl);
        Delivery delivery = new Delivery(
                env.duration("ACCOUNTS_MAIL_POLL_INTERVAL", Duration.ofMillis(500)),
                env.durationOrZero("ACCOUNTS_MAIL_GATHER_WINDOW", Duration.ofMillis(50)),
                env.duration("ACCOUNTS_MAIL_LEASE", Duration.ofMinutes(2)),
                env.integer("ACCOUNTS_MAIL_BATCH_SIZE", 64, 1, 1000),
                env.duration("ACCOUNTS_MAIL_RETRY_BASE", Duration.ofSeconds(1)),
                env.duration("ACCOUNTS_MAIL_RETRY_CAP", Duration.ofMinutes(10)),
                env.integer("ACCOUNTS_MAIL_MAX_ATTEMPTS", 10, 1, 1000),
                // Lanes drain faster; a crash still repeats at most one message, whatever their number.
                env.integer("ACCOUNTS_MAIL_SEND_PARALLELISM", 4, 1, 64));
        if (delivery.retryCap().compareTo(delivery.retryBase()) < 0) {
            throw new ConfigurationException("ACCOUNTS_MAIL_RETRY_CAP must not be shorter than ACCOUNTS_MAIL_RETRY_BASE");
        }
        Passwords passwords = new Passwords(
                env.integer("ACCOUNTS_PASSWORD_MIN_LENGTH", PasswordPolicy.DEFAULT_MIN_LENGTH, 1, 1024),
                env.integer("ACCOUNTS_PASSWORD_MAX_LENGTH", PasswordPolicy.DEFAULT_MAX_LENGTH, 1, 1024));
        if (passwords.maxLength() < passwords.minLength()) {
            throw new ConfigurationException("ACCOUNTS_PASSWORD_MAX_LENGTH must not be less than ACCOUNTS_PASSWORD_MIN_LENGTH");
        }
        LifecyclePolicy defaults = LifecyclePolicy.DEFAULTS;
        LifecyclePolicy lifecycle = new LifecyclePolicy(
                env.duration("ACCOUNTS_SESSION_LIFETIME", defaults.sessionLifetime()),
                env.duration("ACCOUNTS_SESSION_IDLE_TIMEOUT", defaults.sessionIdleTimeout()),
                env.duration("ACCOUNTS_VERIFICATION_TOKEN_LIFETIME", defaults.verificationTokenLifetime()),
                env.duration("ACCOUNTS_EMAIL_CHANGE_TOKEN_LIFETIME", defaults.emailChangeTokenLifetime()),
                env.duration("ACCOUNTS_PASSWORD_RESET_TOKEN_LIFETIME", defaults.passwordResetTokenLifetime()),
                env.duration("ACCOUNTS_MAIL_REQUEST_INTERVAL", defaults.mailRequestInterval()),
                env.integer("ACCOUNTS_MAIL_REQUESTS_PER_DAY", defaults.mailRequestsPerDay(), 1, 10_000));
        Duration firstWait = env.duration("ACCOUNTS_THROTTLE_FIRST_WAIT", BackoffPolicy.ACCOUNT.firstWait());
        Duration maxWait = env.duration("ACCOUNTS_THROTTLE_MAX_WAIT", BackoffPolicy.ACCOUNT.maxWait());
        if (maxWait.compareTo(firstWait) < 0) {
            throw new ConfigurationException("ACCOUNTS_THROTTLE_MAX_WAIT must not be shorter than ACCOUNTS_THROTTLE_FIRST_WAIT");
        }
        LoginThrottlePolicy throttle = new LoginThrottlePolicy(
                new BackoffPolicy(env.integer("ACCOUNTS_THROTTLE_ACCOUNT_FREE_FAILURES", BackoffPolicy.ACCOUNT.freeFailures(),
                        0, 1_000_000), firstWait, maxWait),
                new BackoffPolicy(env.integer("ACCOUNTS_THROTTLE_CLIENT_FREE_FAILURES", BackoffPolicy.CLIENT.freeFailures(),
                        0, 1_000_000), firstWait, maxWait));
        Security security = new Security(env.list("ACCOUNTS_TRUSTED_PROXIES"), env.list("ACCOUNTS_CORS_ALLOWED_ORIGINS"),
                env.bool("ACCOUNTS_REGISTRATION_PRIVACY", false), throttle);
        int hashes = env.integer("ACCOUNTS_HASH_CONCURRENCY", Runtime.getRuntime().availableProcessors(), 1, 256);
        Argon2Implementation hasher = env.choice("ACCOUNTS_HASHER", Argon2Implementation.AUTO, Argon2Implementation.class);
        Observability observability = new Observability(env.choice("ACCOUNTS_LOG_FORMAT", LogFormat.TEXT, LogFormat.class),
                metricsToken(env));
        Store store = env.choice("ACCOUNTS_STORE", Store.POSTGRES, Store.class);
        if (store == Store.MEMORY && database.url().isPresent()) {
            // Silently ignoring the database would let an operator believe accounts are kept there.
            throw new ConfigurationException("ACCOUNTS_STORE=memory keeps nothing in a database: unset ACCOUNTS_DB_URL "
                    + "or use ACCOUNTS_STORE=postgres");
        }
        return new AccountsSettings(http, database, mail, delivery, passwords, lifecycle, security, hashes, hasher,
                observability, store);
    }

    private static MailSettings mail(Environment env, URI publicUrl) {
        try {
            return readMail(env, publicUrl);
        } catch (IllegalArgumentException e) {
            // The adapter checks the combination (sender address, credentials, port); its reason names the setting.
            throw new ConfigurationException("mail settings (ACCOUNTS_MAIL_*, ACCOUNTS_SMTP_*): " + e.getMessage());
        }
    }

    private static MailSettings readMail(Environment env, URI publicUrl) {
        String from = env.string("ACCOUNTS_MAIL_FROM", "Accounts <no-reply@" + senderDomain(publicUrl) + ">");
        Optional<String> host = env.optional("ACCOUNTS_SMTP_HOST");
        MailSettings.Mode mode = env.choice("ACCOUNTS_MAIL_TRANSPORT",
                host.isPresent() ? MailSettings.Mode.SMTP : MailSettings.Mode.LOG, MailSettings.Mode.class);
        return switch (mode) {
            case LOG -> MailSettings.loggingOnly(from, publicUrl);
            case FILE -> MailSettings.toPickupDirectory(env.optional("ACCOUNTS_MAIL_PICKUP_DIRECTORY").map(Path::of)
                    .orElseThrow(() -> new ConfigurationException(
                            "ACCOUNTS_MAIL_PICKUP_DIRECTORY is required when ACCOUNTS_MAIL_TRANSPORT=file")),
                    from, publicUrl);
            case SMTP -> smtp(env, host.orElseThrow(() -> new ConfigurationException(
                    "ACCOUNTS_SMTP_HOST is required when ACCOUNTS_MAIL_TRANSPORT=smtp")), from, publicUrl);
        };
    }

    private static MailSettings smtp(Environment env, String host, String from, URI publicUrl) {
        MailSettings.Transport transport = env.choice("ACCOUNTS_SMTP_TRANSPORT", MailSettings.Transport.STARTTLS,
                MailSettings.Transport.class);
        int defaultPort = switch (transport) {
            case PLAIN -> 25;
            case STARTTLS -> 587;
            case SMTPS -> 465;
        };
        Duration timeout = env.duration("ACCOUNTS_SMTP_TIMEOUT", Duration.ofSeconds(10));
        return new MailSettings(host, env.integer("ACCOUNTS_SMTP_PORT", defaultPort, 1, 65535),
                env.string("ACCOUNTS_SMTP_USERNAME", null), env.string("ACCOUNTS_SMTP_PASSWORD", null),
                transport, from, publicUrl, timeout, timeout);
    }

    /** The public host, or a reserved loopback name when it has no dot (mail validation wants a dotted domain). */
    private static String senderDomain(URI publicUrl) {
        String host = publicUrl.getHost();
        return host.contains(".") ? host : host + ".localhost";
    }

    /** Printable ASCII without spaces (it travels in a header), long enough not to be guessed; never echoed. */
    private static Optional<String> metricsToken(Environment env) {
        Optional<String> token = env.optional("ACCOUNTS_METRICS_TOKEN");
        if (token.isPresent() && !token.get().matches("[!-~]{" + MIN_METRICS_TOKEN_LENGTH + ",}")) {
            throw new ConfigurationException("ACCOUNTS_METRICS_TOKEN must be at least " + MIN_METRICS_TOKEN_LENGTH
                    + " printable ASCII characters without spaces");
        }
        return token;
    }

    private static String requireJdbcUrl(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new ConfigurationException("ACCOUNTS_DB_URL must be a PostgreSQL JDBC URL such as "
                    + "jdbc:postgresql://localhost:5432/accounts");
        }
        return url;
    }

    /** One line with the effective non-secret settings, for the start-up log. */
    public String describe() {
        return "http=" + http.address() + ":" + http.port()
                + " publicUrl=" + mail.publicUrl()
                + switch (store) {
                    case MEMORY -> " store=memory";
                    case POSTGRES -> " store=postgres database=" + (database.embedded()
                            ? "embedded(" + database.dataDirectory().toAbsolutePath() + ")" : database.url().get())
                            + " dbPool=" + database.poolSize();
                }
                + " mail=" + switch (mail.mode()) {
                    case LOG -> "logged";
                    case FILE -> "file:" + mail.pickupDirectory();
                    case SMTP -> mail.transport().name().toLowerCase() + "://" + mail.host() + ":" + mail.port();
                }
                + " passwordLength=" + passwords.minLength() + ".." + passwords.maxLength()
                + " session=" + lifecycle.sessionLifetime() + "/idle " + lifecycle.sessionIdleTimeout()
                + " mailRetry=" + delivery.retryBase() + ".." + delivery.retryCap() + " x" + delivery.maxAttempts()
                + " mailBatch=" + delivery.batchSize() + " mailParallelism=" + delivery.sendParallelism()
                + " registrationPrivacy=" + security.registrationPrivacy()
                + " trustedProxies=" + security.trustedProxies() + " corsOrigins=" + security.corsAllowedOrigins()
                + " hashConcurrency=" + maxConcurrentHashes
                + " hasher=" + hasher.name().toLowerCase()
                + " logFormat=" + observability.logFormat().name().toLowerCase()
                + " metrics=" + (observability.metricsToken().isPresent() ? "token" : "open");
    }
}
