package dev.accounts.bootstrap.metrics;

import dev.accounts.adapter.out.persistence.CachingSessionStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The session cache (ADR 0013): {@code accounts_session_cache_lookups_total} by {@code source} ({@code memory} or
 * {@code database}), {@code accounts_session_cache_sessions} kept, and {@code accounts_session_cache_hearing}: 1 while
 * PostgreSQL's change notifications are heard, 0 while every look-up goes to the database. Nothing without the
 * cache (the in-memory store).
 */
final class SessionCacheMetrics {

    /** @param cache the service's session cache, or null when it has none */
    SessionCacheMetrics(CachingSessionStore cache, MeterRegistry registry) {
        if (cache == null) {
            return;
        }
        FunctionCounter.builder("accounts.session.cache.lookups", cache, CachingSessionStore::servedFromMemory)
                .tag("source", "memory").description("Session look-ups answered from memory").register(registry);
        FunctionCounter.builder("accounts.session.cache.lookups", cache, CachingSessionStore::readFromStore)
                .tag("source", "database").description("Session look-ups that read PostgreSQL").register(registry);
        Gauge.builder("accounts.session.cache.sessions", cache, CachingSessionStore::size)
                .description("Sessions kept in memory").register(registry);
        Gauge.builder("accounts.session.cache.hearing", cache, store -> store.isHearing() ? 1 : 0)
                .description("1 while change notifications are heard and sessions served from memory").register(registry);
    }
}
