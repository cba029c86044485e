/**
 * The HTTP API: controllers, bearer authentication, request and response records, strict JSON, body limits,
 * security headers, RFC 9457 problems, and the pages that links in mails open.
 */
package dev.accounts.adapter.in.rest;
