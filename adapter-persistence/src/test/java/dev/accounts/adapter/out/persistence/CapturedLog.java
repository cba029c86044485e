package dev.accounts.adapter.out.persistence;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What one logger writes while a test runs, as formatted messages. Close it to detach. */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private CapturedLog(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    /** The messages that contain {@code text}, in the order they were logged. */
    List<String> linesContaining(String text) {
        synchronized (appender) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.contains(text)).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
