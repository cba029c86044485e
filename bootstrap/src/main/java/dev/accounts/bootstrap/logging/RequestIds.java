package dev.accounts.bootstrap.logging;

import java.util.UUID;
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
        return offered != null && SAFE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
