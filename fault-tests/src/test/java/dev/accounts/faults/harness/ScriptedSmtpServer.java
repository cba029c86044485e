package dev.accounts.faults.harness;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on loopback whose answers a scenario scripts, for what GreenMail cannot do: refuse a
 * recipient with a chosen reply code (451, 550), or take seconds over each message. Every connection is served on
 * its own thread, so several service instances can send at once. A message counts as accepted once its final
 * {@code 250} has been written, which is the moment a real server takes responsibility for it.
 */
public final class ScriptedSmtpServer implements MailServer {

    private static final Session MIME = Session.getInstance(new Properties());

    private final ServerSocket socket;
    private final List<ReceivedMail> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> recipientCommands = new ConcurrentHashMap<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile RecipientReplies replies = RecipientReplies.ACCEPT_ALL;
    private volatile Duration delayPerMessage = Duration.ZERO;

    /** The reply to one {@code RCPT TO}, by address and by how many times that address has been asked for (1, 2, …). */
    @FunctionalInterface
    public interface RecipientReplies {

        RecipientReplies ACCEPT_ALL = (recipient, attempt) -> "250 2.1.5 OK";

        String reply(String recipient, int attempt);
    }

    private ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("scripted-smtp-" + socket.getLocalPort()).start(this::acceptConnections);
    }

    public static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void answerRecipients(RecipientReplies replies) {
        this.replies = replies;
    }

    /** How long the server sits on each message before its final reply; zero answers at once. */
    public void delayEachMessage(Duration delay) {
        this.delayPerMessage = delay;
    }

    /** How many {@code RCPT TO} commands named this address (one per delivery attempt). */
    public int recipientCommands(String address) {
        AtomicInteger count = recipientCommands.get(address.toLowerCase(Locale.ROOT));
        return count == null ? 0 : count.get();
    }

    @Override
    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public Deliveries deliveries() {
        return new Deliveries(accepted);
    }

    @Override
    public void close() {
        try {
            socket.close();
            for (Socket connection : connections) {
                connection.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptConnections() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                Thread.ofVirtual().name("scripted-smtp-session").start(() -> serve(connection));
            } catch (IOException e) {
                // close() ends the loop.
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(300_000); // RFC 5321 lets a server wait 5 min for the next command
            converse(new BufferedReader(new InputStreamReader(connection.getInputStream(), ISO_8859_1)),
                    connection.getOutputStream());
        } catch (IOException e) {
            // The client hung up (or was killed); nothing of this session is accepted beyond what was answered.
        } finally {
            connections.remove(connection);
        }
    }

    private void converse(BufferedReader in, OutputStream out) throws IOException {
        reply(out, "220 scripted.test ESMTP");
        List<String> recipients = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> reply(out, "250-scripted.test\r\n250 8BITMIME");
                case "HELO", "NOOP" -> reply(out, "250 2.0.0 OK");
                case "MAIL", "RSET" -> {
                    recipients.clear();
                    reply(out, "250 2.0.0 OK");
                }
                case "RCPT" -> {
                    String recipient = address(line);
                    int attempt = recipientCommands.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                    String answer = replies.reply(recipient, attempt);
                    if (answer.startsWith("2")) {
                        recipients.add(recipient);
                    }
                    reply(out, answer);
                }
                case "DATA" -> {
                    if (recipients.isEmpty()) {
                        reply(out, "503 5.5.1 No valid recipients");
                    } else {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        byte[] message = readData(in);
                        pause(delayPerMessage);
                        reply(out, "250 2.0.0 Queued");
                        accept(message, recipients);
                        recipients.clear();
                    }
                }
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Command not recognised");
            }
        }
    }

    private void accept(byte[] message, List<String> recipients) {
        try {
            MimeMessage parsed = new MimeMessage(MIME, new ByteArrayInputStream(message));
            for (String recipient : recipients) {
                accepted.add(ReceivedMail.from(parsed, recipient));
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot parse an accepted message", e);
        }
    }

    /**
     * The message up to its terminating dot. A connection that ends before the dot ends the session: a server never
     * takes a message whose data was not finished, and a client killed mid-body has sent none.
     */
    private static byte[] readData(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        for (String line = in.readLine(); !".".equals(line); line = in.readLine()) {
            if (line == null) {
                throw new EOFException("the connection ended before the end of the data");
            }
            // Dot-stuffing: a line that starts with a dot was sent with one more.
            data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString().getBytes(ISO_8859_1);
    }

    /** {@code RCPT TO:<bob@example.com>} → {@code bob@example.com}, lower-cased. */
    private static String address(String command) {
        int open = command.indexOf('<');
        int close = command.indexOf('>', open + 1);
        String address = open >= 0 && close > open ? command.substring(open + 1, close) : command.substring(command.indexOf(':') + 1);
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(ISO_8859_1));
        out.flush();
    }
}
