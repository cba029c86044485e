package dev.accounts.adapter.in.rest;

import java.util.List;
import java.util.Objects;

/**
 * The policies of the HTTP API that an operator chooses.
 *
 * @param trustedProxies addresses and CIDR ranges of the reverse proxies whose {@code X-Forwarded-For} is believed
 *        ({@link ClientAddressResolver}); none by default, so the socket peer is the client
 * @param corsAllowedOrigins exact origins ({@code https://app.example.com}) a browser may call {@code /api/**}
 *        from ({@link CorsAllowlistFilter}); none by default, which turns CORS off
 * @param registrationPrivacy whether {@code POST /api/users} answers every valid registration alike with 202,
 *        so it tells nothing about which usernames and addresses are taken ({@link UserController})
 */
public record RestSettings(List<String> trustedProxies, List<String> corsAllowedOrigins, boolean registrationPrivacy) {

    public static final RestSettings DEFAULTS = new RestSettings(List.of(), List.of(), false);

    public RestSettings {
        trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
        corsAllowedOrigins = List.copyOf(Objects.requireNonNull(corsAllowedOrigins, "corsAllowedOrigins"));
    }
}
