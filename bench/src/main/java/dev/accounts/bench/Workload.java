package dev.accounts.bench;

/**
 * What one kind of request looks like: the bytes to send for the n-th request of a worker, the status that counts
 * as success, and what to keep from a successful answer (a new user, a session token).
 */
interface Workload {

    String name();

    /** Called by one worker thread at a time for a given {@code worker}. */
    byte[] request(int worker, long n);

    int expectedStatus();

    default void succeeded(HttpConnection.Response response, int worker, long n) {
    }
}
