package dev.accounts.adapter.out.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Reads a pickup directory as a program collecting its mail would: every {@code .eml} file, parsed as MIME. */
final class PickupFiles {

    private static final Session SESSION = Session.getInstance(new Properties());

    private PickupFiles() {
    }

    /** The names of everything in the directory, sorted, temporary files included. */
    static List<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** The {@code .eml} files, oldest first. */
    static List<Path> emlFiles(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(PickupFiles::modified).thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message in the directory, oldest first. */
    static List<MimeMessage> messages(Path directory) {
        return emlFiles(directory).stream().map(PickupFiles::read).toList();
    }

    static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(SESSION, in); // reads the whole file: nothing is left to read once it is closed
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("not a MIME message: " + file, e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
