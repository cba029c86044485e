package dev.accounts.adapter.out.mail;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP dialogue on a loopback port, with one scripted answer to RCPT TO: what GreenMail cannot do is
 * refuse a recipient with a chosen reply code.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String recipientReply;
    private final List<String> commands = new CopyOnWriteArrayList<>();

    private ScriptedSmtpServer(String recipientReply) throws IOException {
        this.recipientReply = recipientReply;
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("scripted-smtp").start(this::serve);
    }

    /** A server that answers every RCPT TO with {@code reply}, such as {@code "550 5.1.1 No such user"}. */
    static ScriptedSmtpServer answeringRecipientsWith(String reply) throws IOException {
        return new ScriptedSmtpServer(reply);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The command lines received, in order. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(5_000);
                converse(new BufferedReader(new InputStreamReader(client.getInputStream(), US_ASCII)), client.getOutputStream());
            } catch (IOException e) {
                // The client hung up or the server was closed; the next accept() tells which.
            }
        }
    }

    private void converse(BufferedReader in, OutputStream out) throws IOException {
        reply(out, "220 scripted.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            commands.add(line);
            String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> reply(out, "250-scripted.test\r\n250 8BITMIME");
                case "HELO", "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                case "RCPT" -> reply(out, recipientReply);
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // The message itself is not kept.
                    }
                    reply(out, "250 2.0.0 Queued");
                }
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Command not recognised");
            }
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(US_ASCII));
        out.flush();
    }
}
