package dev.accounts.adapter.out.mail;

import dev.accounts.application.contracts.DeliveredMail;
import dev.accounts.application.contracts.MailSenderContract;
import dev.accounts.application.port.out.MailSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mail-port contract for the pickup directory, read back by parsing the {@code .eml} files with Jakarta Mail.
 *
 * <p>The directory is read as each send returns, and every file written since (a new file, each time: it arrives by
 * rename) counts as one delivery. Reading it only at the end would not do: a message sent again replaces its file,
 * so the directory keeps one file per Message-ID while the contract counts deliveries.
 */
class PickupDirectoryMailSenderContractTest extends MailSenderContract {

    @TempDir
    Path directory;

    private MimeMailSender sender;
    private final List<DeliveredMail> deliveries = new ArrayList<>();
    private final Set<Object> filesSeen = new HashSet<>();

    @Override
    protected MailSender sender() {
        if (sender == null) {
            sender = new MimeMailSender(TestMail.pickupDirectory(directory));
        }
        return (queued, gate) -> {
            sender.send(queued, gate);
            collectNewFiles();
        };
    }

    /** Reads the directory now too: the contract also asks while a send is under way, at its acceptance gate. */
    @Override
    protected List<DeliveredMail> delivered() {
        collectNewFiles();
        return List.copyOf(deliveries);
    }

    private void collectNewFiles() {
        for (Path file : PickupFiles.emlFiles(directory)) {
            if (filesSeen.add(identity(file))) {
                deliveries.add(ReceivedMail.asDelivered(PickupFiles.read(file)));
            }
        }
    }

    /**
     * The file itself rather than its name, which a message sent again reuses: its inode where the platform tells,
     * with name and time, since a file system may hand a freed inode to a later file.
     */
    private static Object identity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), file.getFileName().toString(), attributes.lastModifiedTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void closeSender() {
        if (sender != null) {
            sender.close();
        }
    }
}
