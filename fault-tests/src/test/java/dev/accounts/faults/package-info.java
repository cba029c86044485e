/**
 * The fault scenarios of issue 4, one test class each, numbered as in the issue: the service jar run as real
 * processes against a real PostgreSQL and a real SMTP server on loopback, each scenario bounded in time and
 * request count and reporting what it measured.
 */
package dev.accounts.faults;
