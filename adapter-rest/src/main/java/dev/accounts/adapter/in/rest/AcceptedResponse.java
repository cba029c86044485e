package dev.accounts.adapter.in.rest;

/**
 * The body of a 202: the request was taken and will be acted on, or quietly not (no account, already verified).
 * Always the same, so it tells nothing about the account behind it.
 */
public record AcceptedResponse(String status) {

    static final AcceptedResponse ACCEPTED = new AcceptedResponse("accepted");
}
