package dev.accounts.adapter.out.crypto;

/** The hasher's promises on libargon2 through argon2-jvm. */
class NativeArgon2idPasswordHasherTest extends Argon2idPasswordHasherContract {

    @Override
    Argon2Implementation implementation() {
        return Argon2Implementation.NATIVE;
    }
}
