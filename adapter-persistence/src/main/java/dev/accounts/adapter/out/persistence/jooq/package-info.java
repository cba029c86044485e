/**
 * jOOQ's classes for the tables, generated at build time from the Flyway scripts (see the module's pom.xml);
 * used only inside this adapter, never in a public signature.
 */
package dev.accounts.adapter.out.persistence.jooq;
