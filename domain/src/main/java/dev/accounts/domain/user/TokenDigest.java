package dev.accounts.domain.user;

import java.util.HexFormat;
import java.util.Objects;

/** The SHA-256 of a {@link SecretToken}, as 64 lower-case hex digits: what the store keeps and looks up by. */
public record TokenDigest(String hex) {

    public TokenDigest {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 64 || !AsciiText.consistsOf(hex, AsciiText::isLowerHex)) {
            throw new IllegalArgumentException("a token digest is 64 lower-case hex digits");
        }
    }

    static TokenDigest of(byte[] sha256) {
        return new TokenDigest(HexFormat.of().formatHex(sha256));
    }

    /** Short enough for a log line to tell sessions apart, far too short to find the token by. */
    public String shortForm() {
        return hex.substring(0, 8);
    }
}
