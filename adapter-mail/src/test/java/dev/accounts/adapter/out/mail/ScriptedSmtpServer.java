package dev.accounts.adapter.out.mail;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP dialogue on a loopback port, with what GreenMail cannot do: refuse a recipient with a chosen reply
 * code, hang up after a message, fall silent, or stop reading in the middle of a message's data, and count the
 * connections it was asked for; or offer PIPELINING and answer a message's envelope only once its DATA has come, as a
 * server may (RFC 2920), which a client that waits for each reply cannot get past. Serves each connection on a thread
 * of its own, so parallel senders are served in parallel.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    /** What the server does once it has accepted a message. */
    enum AfterMessage {
        /** Waits for the next command, as servers do. */
        CONTINUE,
        /** Closes the connection without a word, as a server restarting or enforcing an idle limit does. */
        HANG_UP,
        /** Reads on but never answers again. */
        FALL_SILENT
    }

    private final ServerSocket socket;
    private final String senderReply;
    private final String recipientReply;
    private final boolean pipelining;
    private final AfterMessage afterMessage;
    private final boolean stopsReadingAtData;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();

    private ScriptedSmtpServer(String recipientReply, AfterMessage afterMessage, boolean stopsReadingAtData)
            throws IOException {
        this(false, "250 2.1.0 OK", recipientReply, afterMessage, stopsReadingAtData);
    }

    private ScriptedSmtpServer(boolean pipelining, String senderReply, String recipientReply, AfterMessage afterMessage,
                               boolean stopsReadingAtData) throws IOException {
        this.pipelining = pipelining;
        this.senderReply = senderReply;
        this.recipientReply = recipientReply;
        this.afterMessage = afterMessage;
        this.stopsReadingAtData = stopsReadingAtData;
        this.socket = new ServerSocket();
        if (stopsReadingAtData) {
            // Set before binding, so that accepted connections take it: the data the server never reads fills the
            // buffers soon, and the sender's writes block.
            socket.setReceiveBufferSize(4096);
        }
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        Thread.ofPlatform().daemon().name("scripted-smtp").start(this::serve);
    }

    /** A server that answers every RCPT TO with {@code reply}, such as {@code "550 5.1.1 No such user"}. */
    static ScriptedSmtpServer answeringRecipientsWith(String reply) throws IOException {
        return new ScriptedSmtpServer(reply, AfterMessage.CONTINUE, false);
    }

    /** A server that accepts every message, then does {@code afterMessage}. */
    static ScriptedSmtpServer accepting(AfterMessage afterMessage) throws IOException {
        return new ScriptedSmtpServer("250 2.1.5 OK", afterMessage, false);
    }

    /**
     * A server that offers PIPELINING and holds its replies to MAIL FROM ({@code senderReply}) and RCPT TO
     * ({@code recipientReply}) until DATA comes; DATA is answered with 354 only if both were 250.
     */
    static ScriptedSmtpServer pipelining(String senderReply, String recipientReply) throws IOException {
        return new ScriptedSmtpServer(true, senderReply, recipientReply, AfterMessage.CONTINUE, false);
    }

    /** A server that answers DATA with 354 and then reads nothing more, until it is closed. */
    static ScriptedSmtpServer stoppingToReadAtData() throws IOException {
        return new ScriptedSmtpServer("250 2.1.5 OK", AfterMessage.CONTINUE, true);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The command lines received, in order. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    /** How many connections were opened to this server. */
    int connections() {
        return connections.get();
    }

    /** How many messages this server accepted. */
    int messages() {
        return messages.get();
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().name("scripted-smtp-connection").start(() -> serve(client));
            } catch (IOException e) {
                // The server was closed.
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(10_000);
            converse(new BufferedReader(new InputStreamReader(client.getInputStream(), US_ASCII)), client.getOutputStream());
        } catch (IOException e) {
            // The client hung up.
        }
    }

    private void converse(BufferedReader in, OutputStream out) throws IOException {
        reply(out, "220 scripted.test ESMTP");
        boolean silent = false;
        StringBuilder envelopeReplies = new StringBuilder();
        boolean envelopeAccepted = true;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            commands.add(line);
            if (silent) {
                continue;
            }
            String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> reply(out,
                        "250-scripted.test\r\n" + (pipelining ? "250-PIPELINING\r\n" : "") + "250 8BITMIME");
                case "HELO", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                case "MAIL", "RCPT" -> {
                    String answer = verb.equals("MAIL") ? senderReply : recipientReply;
                    if (!pipelining) {
                        reply(out, answer);
                        continue;
                    }
                    envelopeReplies.append(answer).append("\r\n");
                    envelopeAccepted &= answer.startsWith("250");
                }
                case "DATA" -> {
                    boolean accepted = envelopeAccepted;
                    String replies = envelopeReplies.toString();
                    envelopeReplies.setLength(0);
                    envelopeAccepted = true;
                    if (!accepted) {
                        reply(out, replies + "554 5.5.1 No valid recipients");
                        continue;
                    }
                    reply(out, replies + "354 End data with <CR><LF>.<CR><LF>");
                    if (stopsReadingAtData) {
                        awaitClose();
                        return;
                    }
                    String data = in.readLine();
                    while (data != null && !data.equals(".")) {
                        data = in.readLine(); // the message itself is not kept
                    }
                    if (data == null) {
                        return; // the client hung up before the end of the data: there is no message
                    }
                    messages.incrementAndGet();
                    reply(out, "250 2.0.0 Queued");
                    switch (afterMessage) {
                        case CONTINUE -> { }
                        case HANG_UP -> {
                            return;
                        }
                        case FALL_SILENT -> silent = true;
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

    private void awaitClose() {
        try {
            closed.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(US_ASCII));
        out.flush();
    }
}
