package dev.accounts.adapter.out.crypto;

/** The native Argon2 implementation was demanded but cannot run here (its message says why, without secrets). */
public final class NativeArgon2UnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    NativeArgon2UnavailableException(String reason, Throwable cause) {
        super("native Argon2id (libargon2 through argon2-jvm) is unavailable: " + reason, cause);
    }
}
