package dev.accounts.adapter.out.crypto;

/**
 * Which Argon2id code computes the hashes. Both write and read the same PHC strings, so the choice can change at
 * any time without touching stored hashes.
 */
public enum Argon2Implementation {

    /** The reference C library libargon2, called through argon2-jvm (JNA); the start fails if it cannot load. */
    NATIVE,

    /** BouncyCastle's pure-Java Argon2, through Spring Security's {@code Argon2PasswordEncoder}. */
    JAVA,

    /** {@link #NATIVE} when libargon2 loads and passes its self-test, otherwise {@link #JAVA}. */
    AUTO
}
