/**
 * Bad input for the property-based test of the whole service: generators of hostile HTTP requests (bodies, headers,
 * query strings, message framing), a raw socket client that sends them byte for byte, and the checks on what came
 * back and on what the database holds afterwards.
 */
package dev.accounts.bootstrap.badinput;
