/**
 * The HTTP API: controllers, bearer authentication, client addresses behind proxies, request and response records,
 * strict JSON, body limits, CORS, security headers, RFC 9457 problems (the container's errors included), and the
 * pages that links in mails open.
 */
package dev.accounts.adapter.in.rest;
