package dev.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accounts.bootstrap.logging.LogFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ACCOUNTS_LOG_FORMAT} and {@code ACCOUNTS_METRICS_TOKEN}: read, checked, and the token never repeated. */
class ObservabilitySettingsTest {

    @Test
    void logsTextWithOpenMetricsByDefault() {
        AccountsSettings settings = AccountsSettings.fromEnvironment(Map.of());

        assertThat(settings.observability().logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(settings.observability().metricsToken()).isEmpty();
        assertThat(settings.describe()).contains("logFormat=text").contains("metrics=open");
    }

    @Test
    void readsTheJsonFormatInAnyCase() {
        assertThat(AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_LOG_FORMAT", "JSON")).observability().logFormat())
                .isEqualTo(LogFormat.JSON);
        assertThat(AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_LOG_FORMAT", "json")).describe())
                .contains("logFormat=json");
    }

    @Test
    void refusesAnUnknownLogFormatNamingTheVariableInOneLine() {
        assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_LOG_FORMAT", "xml")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("ACCOUNTS_LOG_FORMAT must be one of [text, json], but is 'xml'");
    }

    @Test
    void keepsTheMetricsTokenOutOfTheStartUpLineAndEveryToString() {
        String token = "a-scraper-token-of-some-length";
        AccountsSettings settings = AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_METRICS_TOKEN", token));

        assertThat(settings.observability().metricsToken()).hasValue(token);
        assertThat(settings.describe()).contains("metrics=token").doesNotContain(token);
        assertThat(settings.toString()).doesNotContain(token);
        assertThat(settings.observability().toString()).doesNotContain(token).contains("metricsToken=set");
    }

    @Test
    void refusesAShortOrUnprintableMetricsTokenWithoutRepeatingIt() {
        for (String weak : new String[]{"short-token", "sixteen chars ok?", "t\u00f6ken-with-umlaut-123"}) {
            assertThatThrownBy(() -> AccountsSettings.fromEnvironment(Map.of("ACCOUNTS_METRICS_TOKEN", weak)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("ACCOUNTS_METRICS_TOKEN must be at least 16 printable ASCII characters without spaces")
                    .message().doesNotContain(weak);
        }
    }
}
