/** Argon2id password hashing behind the application's {@code PasswordHasher} port. */
package dev.accounts.adapter.out.crypto;
