package dev.accounts.bootstrap.logging;

/** How log lines are written to standard output ({@code ACCOUNTS_LOG_FORMAT}). */
public enum LogFormat {

    /** One human-readable line per event: time, level, thread, request id, logger, message. */
    TEXT,

    /** One JSON object per line, for a log collector: no line of it is ever anything but JSON. */
    JSON
}
