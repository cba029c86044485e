package dev.accounts.adapter.out.crypto;

/** The hasher's promises on BouncyCastle. */
class JavaArgon2idPasswordHasherTest extends Argon2idPasswordHasherContract {

    @Override
    Argon2Implementation implementation() {
        return Argon2Implementation.JAVA;
    }
}
