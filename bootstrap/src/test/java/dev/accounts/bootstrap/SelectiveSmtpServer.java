package dev.accounts.bootstrap;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP dialogue on a loopback port that refuses the recipients it is told to with {@code 550 5.1.1} and takes
 * every other message: what GreenMail cannot do. A refused address can be accepted later (its mailbox was fixed).
 * Each connection gets its own thread, since the service's mailer keeps pooled connections open.
 */
final class SelectiveSmtpServer implements AutoCloseable {

    private static final Pattern RECIPIENT = Pattern.compile("RCPT TO:\\s*<([^>]*)>.*", Pattern.CASE_INSENSITIVE);

    private final ServerSocket socket;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    SelectiveSmtpServer() throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("selective-smtp").start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    void refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
    }

    void accept(String address) {
        refused.remove(address.toLowerCase(Locale.ROOT));
    }

    /** How many messages were taken for this address, ignoring case. */
    long deliveredTo(String address) {
        return delivered.stream().filter(address::equalsIgnoreCase).count();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> converse(client));
            } catch (IOException e) {
                // Closed: the loop ends.
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), US_ASCII));
            OutputStream out = client.getOutputStream();
            reply(out, "220 selective.test ESMTP");
            List<String> recipients = new CopyOnWriteArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-selective.test\r\n250 8BITMIME");
                    case "HELO", "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "MAIL", "RSET" -> {
                        recipients.clear();
                        reply(out, "250 2.0.0 OK");
                    }
                    case "RCPT" -> {
                        Matcher address = RECIPIENT.matcher(line);
                        String recipient = address.matches() ? address.group(1) : "";
                        if (refused.contains(recipient.toLowerCase(Locale.ROOT))) {
                            reply(out, "550 5.1.1 <" + recipient + ">: no such user");
                        } else {
                            recipients.add(recipient);
                            reply(out, "250 2.1.5 OK");
                        }
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                            // The message itself is not kept.
                        }
                        delivered.addAll(recipients);
                        recipients.clear();
                        reply(out, "250 2.0.0 Queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognised");
                }
            }
        } catch (IOException e) {
            // The client hung up.
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(US_ASCII));
        out.flush();
    }
}
