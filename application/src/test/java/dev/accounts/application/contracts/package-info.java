/**
 * The contract test kit: one abstract JUnit class per driven port that states the port's promises as tests, for
 * every implementation of the port to extend; published with the fixtures in this module's tests jar.
 */
package dev.accounts.application.contracts;
