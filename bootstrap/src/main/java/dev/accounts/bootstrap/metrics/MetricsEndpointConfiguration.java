package dev.accounts.bootstrap.metrics;

import dev.accounts.bootstrap.AccountsSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** In the web context: {@code GET /metrics}, serving the core context's registry. */
@Configuration(proxyBeanMethods = false)
public class MetricsEndpointConfiguration {

    @Bean
    MetricsEndpoint metricsEndpoint(PrometheusMeterRegistry registry, AccountsSettings settings) {
        return new MetricsEndpoint(registry, settings.observability().metricsToken());
    }
}
