package dev.accounts.bootstrap.logging;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Decides a request's id: the caller's {@code X-Request-Id} (a load balancer's or a client's trace id) when it is at
 * most {@value #MAX_LENGTH} letters, digits and {@code . _ : + / = -}, characters safe in a header, a log line and a
 * JSON string; otherwise a fresh random UUID. A hostile value (line breaks, quotes, kilobytes) never reaches a log
 * line or a response.
 */
public final class RequestIds {

    static final int MAX_LENGTH = 64;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:+/=-]{1," + MAX_LENGTH + "}");

    private RequestIds() {
    }

    /** @param offered the caller's header value, or null */
    public static String acceptOrGenerate(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : randomUuid();
    }

    /**
     * A version-4 UUID from the thread's own generator. A request id tells requests apart and guards nothing, so it
     * does not need {@code UUID.randomUUID()}'s SecureRandom, which every request thread would queue on.
     */
    static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long versionFour = (random.nextLong() & ~0xF000L) | 0x4000L;
        long ietfVariant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(versionFour, ietfVariant).toString();
    }
}
