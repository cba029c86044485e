package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accounts.adapter.out.mail.ScriptedSmtpServer.AfterMessage;
import dev.accounts.application.fixtures.CountingGate;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Write time-outs watched by one thread: a time-out runs once due unless its write ended first, and over a real SMTP
 * connection it ends a write that a server which stopped reading would otherwise block forever.
 */
class WriteTimeoutsTest {

    private final WriteTimeouts writeTimeouts = new WriteTimeouts(Duration.ofMillis(20));

    @AfterEach
    void stopWatching() {
        writeTimeouts.shutdown();
    }

    @Test
    void aTimeOutThatIsNotCancelledRunsOnceDueAndItsResultStaysReadable() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<String> timeOut = writeTimeouts.schedule(() -> {
            runs.incrementAndGet();
            return "write timed out";
        }, 50, TimeUnit.MILLISECONDS);

        assertThat(timeOut.get(5, TimeUnit.SECONDS)).isEqualTo("write timed out");
        // What Angus does after the write: a cancel that fails tells it the time-out ended the write.
        assertThat(timeOut.cancel(true)).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(writeTimeouts.pending()).isZero();
    }

    @Test
    void aTimeOutCancelledByTheEndOfItsWriteNeverRuns() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<?> timeOut = writeTimeouts.schedule(runs::incrementAndGet, 50, TimeUnit.MILLISECONDS);

        assertThat(timeOut.cancel(true)).isTrue();
        Thread.sleep(200);

        assertThat(runs).hasValue(0);
        assertThat(writeTimeouts.pending()).isZero();
    }

    @Test
    void aTimeOutIsNotRunBeforeItIsDue() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        ScheduledFuture<?> timeOut = writeTimeouts.schedule(runs::incrementAndGet, 10, TimeUnit.SECONDS);
        Thread.sleep(200);

        assertThat(runs).hasValue(0);
        assertThat(timeOut.getDelay(TimeUnit.SECONDS)).isBetween(8L, 10L);
        assertThat(writeTimeouts.pending()).isOne();
    }

    @Test
    void onceShutDownNoWriteCanStart() {
        writeTimeouts.shutdown();

        assertThatThrownBy(() -> writeTimeouts.schedule(() -> "late", 1, TimeUnit.SECONDS))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(writeTimeouts.isShutdown()).isTrue();
    }

    @Test
    void aWriteToAServerThatStoppedReadingFailsAfterTheTimeOut() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.stoppingToReadAtData()) {
            Session session = SmtpSession.open(TestMail.smtpOnPort(server.port(), Duration.ofMillis(300)), writeTimeouts);
            GatedSmtpTransport connection = GatedSmtpTransport.of(session);
            connection.connect();
            // Far more than the socket buffers hold, so a server that does not read blocks the write.
            MimeMessage message = TestMail.hello(session);
            message.setText("x".repeat(16 * 1024 * 1024));
            long started = System.nanoTime();

            MessagingException failure = catchThrowableOfType(MessagingException.class,
                    () -> connection.send(message, new CountingGate(() -> { })));

            assertThat(failure).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(server.messages()).isZero();
        }
    }

    @Test
    void theSessionsConnectionsWriteUnderTheseTimeOuts() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.accepting(AfterMessage.CONTINUE)) {
            Session session = SmtpSession.open(TestMail.smtpOnPort(server.port()), writeTimeouts);
            writeTimeouts.shutdown();
            GatedSmtpTransport connection = GatedSmtpTransport.of(session);

            // Angus writes only under a time-out it could schedule: with these shut down, not even the greeting.
            assertThatThrownBy(connection::connect).isInstanceOf(MessagingException.class);
        }
    }
}
