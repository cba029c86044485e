/** Driven ports: what the use cases need from storage, hashing, mail and transactions. */
package dev.accounts.application.port.out;
