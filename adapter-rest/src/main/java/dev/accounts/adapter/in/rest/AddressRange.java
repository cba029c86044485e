package dev.accounts.adapter.in.rest;

import java.net.InetAddress;
import java.util.Arrays;

/** One address or CIDR range ({@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code 2001:db8::/32}, {@code ::1}). */
final class AddressRange {

    private final byte[] network;
    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** @throws IllegalArgumentException naming the entry when it is not an address or a range, host names included */
    static AddressRange parse(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] network = IpLiteral.parse(address).map(InetAddress::getAddress)
                .orElseThrow(() -> invalid(entry, "is not an IP address or CIDR range (host names are not accepted)"));
        int bits = network.length * 8;
        int prefixLength = slash < 0 ? bits : prefixLength(entry, entry.substring(slash + 1), bits);
        if (!Arrays.equals(network, masked(network, prefixLength))) {
            throw invalid(entry, "has bits set after its /" + prefixLength + " prefix; write the network address");
        }
        return new AddressRange(network, prefixLength);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        return candidate.length == network.length && Arrays.equals(masked(candidate, prefixLength), network);
    }

    private static int prefixLength(String entry, String text, int bits) {
        if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) > bits) {
            throw invalid(entry, "needs a prefix length from 0 to " + bits);
        }
        return Integer.parseInt(text);
    }

    private static byte[] masked(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.clamp(prefixLength - i * 8L, 0, 8);
            masked[i] &= (byte) (0xFF << (8 - keep));
        }
        return masked;
    }

    private static IllegalArgumentException invalid(String entry, String problem) {
        return new IllegalArgumentException("trusted proxy '" + entry + "' " + problem);
    }
}
