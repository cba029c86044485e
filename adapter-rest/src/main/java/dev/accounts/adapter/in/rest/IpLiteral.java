package dev.accounts.adapter.in.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an IPv4 or IPv6 address written as a literal, and nothing else. The text is checked before
 * {@link InetAddress} sees it: given a host name, {@code InetAddress} would ask DNS, and an address taken from a
 * header or a setting must never cause a lookup.
 */
final class IpLiteral {

    /** Dotted quad without leading zeros, which some parsers read as octal. */
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    /** Hex groups, colons and an optional dotted tail; no zone id, no brackets, no port. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpLiteral() {
    }

    static Optional<InetAddress> parse(String text) {
        if (text == null || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return Optional.empty();
        }
        try {
            // Only literals get here, which InetAddress parses without a lookup.
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
