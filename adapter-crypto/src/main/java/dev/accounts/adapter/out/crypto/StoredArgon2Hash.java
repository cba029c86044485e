package dev.accounts.adapter.out.crypto;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a stored Argon2 PHC string says about how it was made. Parsed here, strictly, before the encoder sees
 * the string: Spring's decoder throws on some malformed strings and logs fragments of others, and a hash
 * should neither break a login nor reach a log.
 */
record StoredArgon2Hash(String variant, int version, long memoryKiB, long iterations, long parallelism,
                        int saltLength, int hashLength) {

    static final int CURRENT_VERSION = 19;

    private static final Pattern PHC = Pattern.compile(
            "\\$(argon2id|argon2i|argon2d)\\$v=(16|19)\\$m=([0-9]{1,10}),t=([0-9]{1,10}),p=([0-9]{1,8})"
                    + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    static Optional<StoredArgon2Hash> parse(String phc) {
        Matcher matcher = PHC.matcher(phc);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long memory = Long.parseLong(matcher.group(3));
        long iterations = Long.parseLong(matcher.group(4));
        long parallelism = Long.parseLong(matcher.group(5));
        if (parallelism < 1 || iterations < 1 || memory < 8 * parallelism) {
            return Optional.empty();
        }
        Optional<byte[]> salt = decode(matcher.group(6));
        Optional<byte[]> hash = decode(matcher.group(7));
        if (salt.isEmpty() || hash.isEmpty() || salt.get().length < 8 || hash.get().length < 4) {
            return Optional.empty();
        }
        return Optional.of(new StoredArgon2Hash(matcher.group(1), Integer.parseInt(matcher.group(2)), memory,
                iterations, parallelism, salt.get().length, hash.get().length));
    }

    boolean isArgon2id() {
        return variant.equals("argon2id");
    }

    private static Optional<byte[]> decode(String unpaddedBase64) {
        try {
            return Optional.of(Base64.getDecoder().decode(unpaddedBase64));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
