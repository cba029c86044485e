package dev.accounts.adapter.in.rest;

/**
 * A query parameter's value is not of its type. The message names the parameter and the type, never the value sent.
 */
final class MalformedQueryParameterException extends RuntimeException {

    MalformedQueryParameterException(String parameter, String expectation) {
        super("Query parameter '" + parameter + "' " + expectation + ".", null, false, false);
    }
}
