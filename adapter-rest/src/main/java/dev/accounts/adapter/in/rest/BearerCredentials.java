package dev.accounts.adapter.in.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a session token the one way this API accepts it (RFC 6750 §2.1): a single {@code Authorization} header
 * with the scheme {@code Bearer} in any letter case. Never from the query or a form, where it would end up in logs
 * and browser histories. Also words the {@code WWW-Authenticate} challenge of a 401 (RFC 6750 §3).
 */
final class BearerCredentials {

    static final String CHALLENGE = "Bearer realm=\"accounts\"";

    private static final String AUTHORIZATION = "Authorization";
    private static final String SCHEME = "Bearer";
    private static final Pattern BEARER_SCHEME = Pattern.compile("Bearer(?: .*)?", Pattern.CASE_INSENSITIVE);

    private BearerCredentials() {
    }

    /** The token, when the request has exactly one Authorization header and it is a well-formed bearer one. */
    static Optional<String> tokenOf(HttpServletRequest request) {
        List<String> headers = authorizationHeaders(request);
        if (headers.size() != 1) {
            return Optional.empty();
        }
        return credentialsOf(headers.getFirst().strip());
    }

    /** {@code Bearer +(\S+)}, any letter case, read by hand: it runs on every authenticated request. */
    private static Optional<String> credentialsOf(String header) {
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        int start = SCHEME.length();
        while (start < header.length() && header.charAt(start) == ' ') {
            start++;
        }
        String token = header.substring(start);
        boolean separated = start > SCHEME.length();
        return separated && !token.isEmpty() && token.chars().noneMatch(BearerCredentials::isRegexSpace)
                ? Optional.of(token) : Optional.empty();
    }

    /** What {@code \s} matches. */
    private static boolean isRegexSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * The challenge for a request that was refused: no error code when it brought no bearer credentials at all,
     * {@code invalid_token} when its token was not accepted, {@code invalid_request} when it was unreadable.
     */
    static String challengeFor(HttpServletRequest request) {
        List<String> headers = authorizationHeaders(request);
        if (headers.stream().noneMatch(header -> BEARER_SCHEME.matcher(header.strip()).matches())) {
            return CHALLENGE;
        }
        return CHALLENGE + (tokenOf(request).isPresent() ? ", error=\"invalid_token\"" : ", error=\"invalid_request\"");
    }

    private static List<String> authorizationHeaders(HttpServletRequest request) {
        var headers = request.getHeaders(AUTHORIZATION);
        return headers == null ? List.of() : Collections.list(headers);
    }
}
