package dev.accounts.faults.harness;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * GreenMail on a fixed loopback port, which can be stopped and started again on that port to play a mail server
 * that goes down and comes back. What it accepted stays readable across restarts.
 */
public final class GreenMailServer implements MailServer {

    private final int port;
    private final List<ReceivedMail> earlier = new ArrayList<>();
    private GreenMail running;

    private GreenMailServer(int port) {
        this.port = port;
    }

    /** Started on a free port. */
    public static GreenMailServer start() {
        GreenMailServer server = new GreenMailServer(FreePorts.find());
        server.startAgain();
        return server;
    }

    /** Not started: the port refuses connections until {@link #startAgain()}. */
    public static GreenMailServer down() {
        return new GreenMailServer(FreePorts.find());
    }

    @Override
    public int port() {
        return port;
    }

    public synchronized void startAgain() {
        if (running != null) {
            throw new IllegalStateException("already running");
        }
        running = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        running.start();
    }

    /** Stops listening; connections are refused until {@link #startAgain()}. */
    public synchronized void stop() {
        if (running != null) {
            earlier.addAll(read(running));
            running.stop();
            running = null;
        }
    }

    @Override
    public synchronized Deliveries deliveries() {
        List<ReceivedMail> all = new ArrayList<>(earlier);
        if (running != null) {
            all.addAll(read(running));
        }
        return new Deliveries(all);
    }

    private static List<ReceivedMail> read(GreenMail server) {
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                mails.add(ReceivedMail.from(message, message.getAllRecipients()[0].toString()));
            } catch (MessagingException e) {
                throw new IllegalStateException("cannot read a message GreenMail received", e);
            }
        }
        return mails;
    }

    @Override
    public synchronized void close() {
        stop();
    }
}
