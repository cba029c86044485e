/**
 * The domain of Accounts: the user aggregate and its invariants, free of any framework.
 * Everything here depends on the JDK only, so each rule can be read and tested on its own.
 */
package dev.accounts.domain;
