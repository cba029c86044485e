/**
 * The service's metrics: one Prometheus registry per running service, what feeds it (HTTP requests by route, the
 * audit trail's security events, password hashing time, mail delivery rounds, the outbox's figures, the connection
 * pool, the JVM, the process, Tomcat) and {@code GET /metrics}, which serves it in Prometheus text format. The core
 * stays free of Micrometer: ports are measured by decorators put around them here.
 */
package dev.accounts.bootstrap.metrics;
