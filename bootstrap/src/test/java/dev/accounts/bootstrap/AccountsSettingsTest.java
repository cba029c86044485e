package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.adapter.out.crypto.Argon2Implementation;
import dev.accounts.adapter.out.mail.MailSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsSettingsTest {

    @Test
    void defaultsToPort8080AnEmbeddedDatabaseUnderDataAndLoggedMail() {
        AccountsSettings settings = AccountsSettings.fromEnvironment(Map.of());

        assertThat(settings.http().port()).isEqualTo(8080);
        assertThat(settings.database().embedded()).isTrue();
        assertThat(settings.database().dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(settings.mail().loggingOnly()).isTrue();
        assertThat(settings.mail().publicUrl()).hasToString("http://localhost:8080");
        assertThat(settings.passwords()).isEqualTo(new AccountsSettings.Passwords(12, 128));
        assertThat(settings.delivery().maxAttempts()).isEqualTo(10);
        assertThat(settings.delivery().gatherWindow()).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.delivery().retryBase()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.delivery().retryCap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.lifecycle()).isEqualTo(dev.accounts.application.service.LifecyclePolicy.DEFAULTS);
    }

    @Test
    void sendsFourMailsAtOnceFromBatchesOf64UnlessTold() {
        assertThat(AccountsSettings.fromEnvironment(Map.of()).delivery())
                .returns(4, AccountsSettings.Delivery::sendParallelism)
                .returns(64, AccountsSettings.Delivery::batchSize);
        assertThat(AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_MAIL_SEND_PARALLELISM", "8")).delivery().sendParallelism())
                .isEqualTo(8);
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_MAIL_SEND_PARALLELISM", "0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("ACCOUNTS_MAIL_SEND_PARALLELISM must be a whole number from 1 to 64");
    }

    @Test
    void readsAnExternalDatabaseAndRealSmtp() {
        AccountsSettings settings = AccountsSettings.fromEnvironment(Map.of(
                "ACCOUNTS_DB_URL", "jdbc:postgresql://db:5432/accounts",
                "ACCOUNTS_DB_USER", "accounts",
                "ACCOUNTS_DB_PASSWORD", "db-secret",
                "ACCOUNTS_SMTP_HOST", "smtp.example.com",
                "ACCOUNTS_SMTP_TRANSPORT", "smtps",
                "ACCOUNTS_SMTP_USERNAME", "mailer",
                "ACCOUNTS_SMTP_PASSWORD", "smtp-secret",
                "ACCOUNTS_MAIL_FROM", "Accounts <no-reply@example.com>",
                "ACCOUNTS_PUBLIC_URL", "https://accounts.example.com"));

        assertThat(settings.database().embedded()).isFalse();
        assertThat(settings.mail().transport()).isEqualTo(MailSettings.Transport.SMTPS);
        assertThat(settings.mail().port()).isEqualTo(465);
        assertThat(settings.mail().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.toString()).doesNotContain("db-secret").doesNotContain("smtp-secret");
        assertThat(settings.describe()).doesNotContain("db-secret").doesNotContain("smtp-secret")
                .contains("smtps://smtp.example.com:465");
    }

    @Test
    void refusesABadValueNamingTheVariable() {
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("ACCOUNTS_HTTP_PORT must be a whole number from 0 to 65535, but is 'eighty'");
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_SMTP_HOST", "h", "ACCOUNTS_SMTP_TRANSPORT", "ssl")))
                .hasMessageStartingWith("ACCOUNTS_SMTP_TRANSPORT must be one of [plain, starttls, smtps]");
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_PUBLIC_URL", "ftp://x")))
                .hasMessageStartingWith("ACCOUNTS_PUBLIC_URL must be an absolute http:// or https:// URL");
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_DB_URL", "postgres://x")))
                .hasMessageStartingWith("ACCOUNTS_DB_URL must be a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_SESSION_IDLE_TIMEOUT", "0s")))
                .hasMessage("ACCOUNTS_SESSION_IDLE_TIMEOUT must be a positive duration such as 500ms, 10s, 5m or 1h, but is '0s'");
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_MAIL_GATHER_WINDOW", "-1s")))
                .hasMessageStartingWith("ACCOUNTS_MAIL_GATHER_WINDOW must be zero or a positive duration");
        assertThat(AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_MAIL_GATHER_WINDOW", "0ms")).delivery().gatherWindow())
                .isZero();
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_PASSWORD_MIN_LENGTH", "20",
                "ACCOUNTS_PASSWORD_MAX_LENGTH", "16"))).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void keepsAccountsInPostgresUnlessToldToKeepThemInMemory() {
        AccountsSettings byDefault = AccountsSettings.fromEnvironment(Map.of());
        AccountsSettings memory = AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_STORE", "Memory"));

        assertThat(byDefault.store()).isEqualTo(AccountsSettings.Store.POSTGRES);
        assertThat(byDefault.describe()).contains("store=postgres database=embedded(");
        assertThat(memory.store()).isEqualTo(AccountsSettings.Store.MEMORY);
        assertThat(memory.describe()).contains("store=memory").doesNotContain("database=");
    }

    @Test
    void refusesAnUnknownStoreAndADatabaseUrlWithTheMemoryStore() {
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_STORE", "mysql")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("ACCOUNTS_STORE must be one of [postgres, memory], but is 'mysql'");
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_STORE", "memory",
                "ACCOUNTS_DB_URL", "jdbc:postgresql://db:5432/accounts")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("ACCOUNTS_STORE=memory keeps nothing in a database");
    }

    @Test
    void choosesTheArgon2ImplementationNativeWhenItLoadsByDefault() {
        assertThat(AccountsSettings.fromEnvironment(Map.of()).hasher()).isEqualTo(Argon2Implementation.AUTO);
        AccountsSettings java = AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_HASHER", "java"));

        assertThat(java.hasher()).isEqualTo(Argon2Implementation.JAVA);
        assertThat(java.describe()).contains("hasher=java");
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_HASHER", "bcrypt")))
                .hasMessage("ACCOUNTS_HASHER must be one of [native, java, auto], but is 'bcrypt'");
    }

    @Test
    void writesMailIntoAPickupDirectoryWhenAsked() throws Exception {
        java.nio.file.Path pickup = java.nio.file.Files.createTempDirectory("accounts-pickup-");
        AccountsSettings settings = AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_MAIL_TRANSPORT", "file",
                "ACCOUNTS_MAIL_PICKUP_DIRECTORY", pickup.toString()));

        assertThat(settings.mail().mode()).isEqualTo(MailSettings.Mode.FILE);
        assertThat(settings.describe()).contains("mail=file:" + pickup.toAbsolutePath());
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_MAIL_TRANSPORT", "file")))
                .hasMessage("ACCOUNTS_MAIL_PICKUP_DIRECTORY is required when ACCOUNTS_MAIL_TRANSPORT=file");
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_MAIL_TRANSPORT", "file",
                "ACCOUNTS_MAIL_PICKUP_DIRECTORY", pickup.resolve("missing").toString())))
                .hasMessageContaining("mail pickup directory does not exist");
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_MAIL_TRANSPORT", "smtp")))
                .hasMessage("ACCOUNTS_SMTP_HOST is required when ACCOUNTS_MAIL_TRANSPORT=smtp");
    }

    @Test
    void readsDurationsInShortAndIsoForm() {
        assertThat(Environment.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Environment.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Environment.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Environment.parseDuration("PT2H")).isEqualTo(Duration.ofHours(2));
    }
}
