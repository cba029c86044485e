package dev.accounts.bootstrap.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Switches the console appender of {@code logback.xml} to the configured {@link LogFormat}. Done in code, once the
 * settings are read, because the variable is checked like every other setting (a bad value stops the start with
 * one line) and logback would otherwise have to read and judge it on its own, before the settings exist.
 */
public final class ConsoleLogFormat {

    /** The appender's name in {@code logback.xml}. */
    static final String CONSOLE_APPENDER = "CONSOLE";

    private ConsoleLogFormat() {
    }

    /** Call before anything logs in parallel: the console appender is restarted with the JSON encoder. */
    public static void use(LogFormat format) {
        if (format == LogFormat.TEXT) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE_APPENDER);
        if (appender instanceof OutputStreamAppender<ILoggingEvent> console) {
            Encoder<ILoggingEvent> json = jsonEncoder(context);
            console.stop();
            console.setEncoder(json);
            console.start();
        }
    }

    /**
     * Logback's own JSON encoder: {@code timestamp} (epoch milliseconds), {@code level}, {@code threadName},
     * {@code loggerName}, {@code mdc} (with {@code requestId}), {@code formattedMessage} and {@code throwable} (class,
     * message, frames, causes). The unformatted message and its arguments are left out: the formatted message says
     * it all, and arguments would repeat values the message may have escaped.
     */
    public static Encoder<ILoggingEvent> jsonEncoder(Context context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
