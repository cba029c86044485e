package dev.accounts.adapter.out.mail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while open, from every logger, with chosen loggers turned up for the duration. Lines are
 * kept as they would be written: the formatted message followed by any stack trace's messages.
 */
final class CapturedLogs implements AutoCloseable {

    private final Logger root;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

    private CapturedLogs(Map<String, Level> levels) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        levels.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(level);
        });
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
    }

    /** Captures what is logged at the configured levels. */
    static CapturedLogs start() {
        return new CapturedLogs(Map.of());
    }

    /** Captures with the given loggers set to the given level meanwhile. */
    static CapturedLogs at(Level level, String... loggerNames) {
        Map<String, Level> levels = new LinkedHashMap<>();
        for (String name : loggerNames) {
            levels.put(name, level);
        }
        return new CapturedLogs(levels);
    }

    /** Each event as its formatted message plus the messages of its exception chain. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            StringBuilder line = new StringBuilder(event.getFormattedMessage());
            for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                line.append(" | ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        previousLevels.forEach(Logger::setLevel);
    }
}
