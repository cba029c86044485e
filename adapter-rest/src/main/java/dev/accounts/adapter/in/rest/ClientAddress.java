package dev.accounts.adapter.in.rest;

/**
 * The address a request comes from, as {@link ClientAddressResolver} decides it. A handler declares a parameter of
 * this type to get it. Written as the socket gave it when that was not an IP address, so it must be escaped
 * before it is logged ({@link LogSafe}).
 */
public record ClientAddress(String value) {
}
