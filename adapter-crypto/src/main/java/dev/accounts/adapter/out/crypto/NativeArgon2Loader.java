package dev.accounts.adapter.out.crypto;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;

/**
 * Loads libargon2 and proves it works. The seam between the hasher and the operating system: the library is a
 * shared object that JNA finds on the system or unpacks from the argon2-jvm jar, and either can be missing
 * (another CPU architecture, a musl libc, a read-only home directory, a jar without the native parts).
 */
@FunctionalInterface
interface NativeArgon2Loader {

    /**
     * @return a working Argon2id instance making salts and hashes of the parameters' lengths
     * @throws LinkageError when the library or JNA cannot load
     * @throws IllegalStateException when the library loads but computes something else than BouncyCastle
     */
    Argon2Advanced load(Argon2Parameters parameters);

    /** argon2-jvm, checked against BouncyCastle on one small known input before it is trusted with passwords. */
    NativeArgon2Loader ARGON2_JVM = parameters -> {
        Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id,
                parameters.saltLength(), parameters.hashLength());
        // argon2-jvm links lazily: nothing loads until the first hash, so the self-test forces the load now.
        NativeArgon2SelfTest.run(argon2);
        return argon2;
    };
}
