package dev.accounts.adapter.out.mail;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Links into the pages of Accounts, built from the configured public URL alone. Never from a request: a link
 * that carries a token must not follow a forged {@code Host} header to someone else's server.
 *
 * <p>The public URL may carry a path ({@code https://example.com/accounts}); a trailing slash makes no difference.
 */
final class PublicLinks {

    private final String base;

    PublicLinks(URI publicUrl) {
        requireUsable(publicUrl);
        String path = publicUrl.getRawPath() == null ? "" : publicUrl.getRawPath().replaceAll("/+$", "");
        this.base = publicUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + publicUrl.getRawAuthority() + path;
    }

    /** The service's own address, for the footer of every message. */
    URI home() {
        return URI.create(base + "/");
    }

    /** The page that confirms an address with a verification or address-change token. */
    URI verifyEmail(String token) {
        return withToken("/verify-email", token);
    }

    /** The page that sets a new password with a reset token. */
    URI resetPassword(String token) {
        return withToken("/reset-password", token);
    }

    private URI withToken(String page, String token) {
        Objects.requireNonNull(token, "token");
        return URI.create(base + page + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /**
     * Accepts an absolute {@code http(s)} URL with a host and nothing that would end up inside every link: no
     * user info, query or fragment.
     */
    static void requireUsable(URI publicUrl) {
        Objects.requireNonNull(publicUrl, "publicUrl");
        String scheme = publicUrl.getScheme();
        if (!publicUrl.isAbsolute() || publicUrl.isOpaque() || publicUrl.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("public URL must be an absolute http(s) URL, was " + publicUrl);
        }
        if (publicUrl.getRawUserInfo() != null || publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("public URL must not have user info, a query or a fragment, was " + publicUrl);
        }
    }
}
