package dev.accounts.adapter.out.mail;

import dev.accounts.application.port.out.AcceptanceGate;
import dev.accounts.application.port.out.MailDeliveryException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of sending in pickup-directory mode: the built MIME message is written as one RFC 5322
 * {@code .eml} file named after its Message-ID, for another program (an MTA's pickup service, a test, a person)
 * to take from there.
 *
 * <p>The file is written under a temporary name that does not end in {@code .eml} and then renamed, so a reader
 * never sees half a message. Renaming replaces a file of the same name: a message sent again after a crash, with
 * its stable Message-ID, leaves one file, not two. The files carry live links and are created readable by the
 * service's user only. The rename is the step after which the message is delivered, so the acceptance gate is entered
 * right before it: writing and forcing the file to disk run in parallel with other sends.
 */
final class PickupDirectoryTransport implements MailTransport {

    private static final Logger LOG = LoggerFactory.getLogger(PickupDirectoryTransport.class);
    static final String EXTENSION = ".eml";
    /** Well below the 255 bytes most file systems allow, leaving room for the temporary name's additions. */
    private static final int MAX_NAME_LENGTH = 200;

    private final Path directory;

    PickupDirectoryTransport(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public void deliver(MimeMessage message, AcceptanceGate gate) {
        Path target = directory.resolve(fileName(messageId(message)));
        try {
            writeAtomically(message, target, gate);
        } catch (IOException | MessagingException e) {
            // A full disk, a missing or read-only directory: all may be fixed while the message waits in the outbox.
            // The reason names the file, never the message's content.
            throw MailDeliveryException.transientFailure("could not write mail to pickup directory "
                    + directory + ": " + e.getClass().getSimpleName() + ": " + SingleLine.of(e.getMessage()), e);
        }
        LOG.debug("mail written to pickup directory: file={}", target.getFileName());
    }

    /**
     * The file name for a Message-ID: without its angle brackets, every character that is not plainly safe in a
     * file name replaced. Our Message-IDs start with the outbox id, so even a shortened name stays unique.
     */
    static String fileName(String messageId) {
        String bare = messageId.strip();
        if (bare.startsWith("<") && bare.endsWith(">")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        String safe = bare.replaceAll("[^A-Za-z0-9._@+-]", "_");
        if (safe.length() > MAX_NAME_LENGTH) {
            safe = safe.substring(0, MAX_NAME_LENGTH);
        }
        return safe + EXTENSION;
    }

    private static String messageId(MimeMessage message) {
        try {
            String id = message.getMessageID();
            if (id == null || id.isBlank()) {
                throw MailDeliveryException.permanentFailure("message has no Message-ID to name its file after", null);
            }
            return id;
        } catch (MessagingException e) {
            throw MailDeliveryException.permanentFailure("could not read the message's Message-ID", e);
        }
    }

    private void writeAtomically(MimeMessage message, Path target, AcceptanceGate gate)
            throws IOException, MessagingException {
        // Created with owner-only permissions on POSIX systems, which the rename keeps.
        Path temporary = Files.createTempFile(directory, ".", ".eml.part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                message.writeTo(out);
                out.flush();
                // On disk before the rename: the outbox marks the message sent as soon as this returns.
                channel.force(true);
            }
            gate.enter();
            // An atomic move replaces an existing target (rename(2); MoveFileEx with MOVEFILE_REPLACE_EXISTING).
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException | RuntimeException e) {
            deleteQuietly(temporary, e);
            throw e;
        }
        syncDirectory();
    }

    private static void deleteQuietly(Path temporary, Exception failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Makes the rename itself durable where the platform allows opening a directory (Linux, macOS). */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.trace("pickup directory could not be synced: {}", e.toString());
        }
    }
}
