package dev.accounts.adapter.in.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads an IPv4 or IPv6 address written as a literal, and nothing else. The text is checked before
 * {@link InetAddress} sees it: given a host name, {@code InetAddress} would ask DNS, and an address taken from a
 * header or a setting must never cause a lookup.
 */
final class IpLiteral {


    private IpLiteral() {
    }

    // Checked by hand, not by a regular expression: this runs for every request's client address.

    /** Four decimal octets without leading zeros, which some parsers read as octal. */
    private static boolean isDottedQuad(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || (octet.length() > 1 && octet.charAt(0) == '0')
                    || !octet.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Hex groups, colons and an optional dotted tail; no zone id, no brackets, no port. */
    private static boolean isIpv6Shaped(String text) {
        return text.indexOf(':') >= 0 && text.chars().allMatch(c -> c == ':' || c == '.'
                || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
    }

    static Optional<InetAddress> parse(String text) {
        if (text == null || !(isDottedQuad(text) || isIpv6Shaped(text))) {
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
