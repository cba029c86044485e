package dev.accounts.domain.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A bearer secret handed to a user once (a session token, a link in a mail): 32 random bytes from
 * {@link SecureRandom}, base64url without padding. Only its {@link #digest()} is ever stored. Never prints itself.
 */
public final class SecretToken {

    private static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Never used itself, only copied (its state never changes, so copies may be taken from any thread). */
    private static final MessageDigest SHA_256 = lookUpSha256();
    /** 32 bytes in base64url without padding. */
    private static final int LENGTH = 43;

    private final String value;

    private SecretToken(String value) {
        this.value = value;
    }

    public static SecretToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Reads a token a client sent back; anything that cannot be one of ours is refused without a look-up. */
    public static SecretToken parse(String text) {
        if (text == null || text.length() != LENGTH || !AsciiText.consistsOf(text, AsciiText::isWordOrDash)) {
            throw new InvalidValueException("is not a valid token");
        }
        return new SecretToken(text);
    }

    /** The text to hand to the user, once. */
    public String reveal() {
        return value;
    }

    /** SHA-256 of the token: enough to find it again, useless to someone who reads the database. */
    public TokenDigest digest() {
        return TokenDigest.of(sha256().digest(value.getBytes(StandardCharsets.US_ASCII)));
    }

    private static MessageDigest lookUpSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A fresh SHA-256, copied from one looked up once: every authenticated request digests its token, and
     * {@code MessageDigest.getInstance} searches the security providers and checks algorithm constraints each time.
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretToken that && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), that.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "SecretToken[hidden]";
    }
}
