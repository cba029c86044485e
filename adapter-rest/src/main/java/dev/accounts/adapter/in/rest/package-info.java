/** The HTTP API: controllers, request and response records, strict JSON, body limits and RFC 9457 problems. */
package dev.accounts.adapter.in.rest;
