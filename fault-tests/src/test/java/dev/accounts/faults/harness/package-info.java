/**
 * What the scenarios stand on: service processes started from the jar, the PostgreSQL they share, SMTP servers
 * (GreenMail and a scriptable one), a TCP relay that can lose its database, an HTTP client, load, latency
 * figures and the reliability report.
 */
package dev.accounts.faults.harness;
