/**
 * What the service's log lines look like and what ties them together: the console format (human-readable text or
 * one JSON object per line) and the request id that marks every line of one HTTP request.
 */
package dev.accounts.bootstrap.logging;
