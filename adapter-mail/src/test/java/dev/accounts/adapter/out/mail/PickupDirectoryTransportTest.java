package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Entry;
import dev.accounts.adapter.out.inmemory.InMemoryMailOutbox.Status;
import dev.accounts.adapter.out.inmemory.InMemoryStore;
import dev.accounts.application.fixtures.CountingGate;
import dev.accounts.application.fixtures.MutableClock;
import dev.accounts.application.port.in.DeliverMailUseCase.DeliveryReport;
import dev.accounts.application.port.out.MailDeliveryException;
import dev.accounts.application.port.out.MailTemplate;
import dev.accounts.application.port.out.QueuedMail;
import dev.accounts.application.service.MailDeliveryService;
import dev.accounts.application.service.RetryPolicy;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is special to the pickup directory: whole files only, one file per Message-ID, and failures to write. */
class PickupDirectoryTransportTest {

    private static final String SENTENCE = "Hi alice! You have successfully signed up to Accounts.";

    @TempDir
    Path directory;

    private static List<String> names(Path directory) {
        try {
            return PickupFiles.names(directory);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String fileNameOf(QueuedMail queued) {
        return queued.id() + "@" + TestMail.FROM_DOMAIN + ".eml";
    }

    @Test
    void writesEachMessageAsOneEmlFileNamedAfterItsMessageIdWithHeadersTextAndHtml() throws Exception {
        QueuedMail queued = TestMail.queuedWelcome("alice", "alice@example.com");

        try (MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(directory))) {
            sender.send(queued, new CountingGate());
        }

        assertThat(PickupFiles.names(directory)).containsExactly(fileNameOf(queued));
        MimeMessage written = PickupFiles.read(directory.resolve(fileNameOf(queued)));
        assertThat(written.getMessageID()).isEqualTo("<" + queued.id() + "@" + TestMail.FROM_DOMAIN + ">");
        assertThat(written.getRecipients(RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("alice@example.com");
        InternetAddress from = (InternetAddress) written.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(TestMail.FROM_ADDRESS);
        assertThat(from.getPersonal()).isEqualTo("Accounts");
        assertThat(written.getSubject()).isEqualTo("Welcome to Accounts");
        assertThat(written.getSentDate()).isNotNull();
        assertThat(ReceivedMail.partText(written, "text/plain")).hasValueSatisfying(text -> assertThat(text).contains(SENTENCE));
        assertThat(ReceivedMail.partText(written, "text/html")).hasValueSatisfying(html -> assertThat(html).contains(SENTENCE));
    }

    @Test
    void leavesOnlyFinishedEmlFilesAndNoTemporaryFile() throws Exception {
        List<QueuedMail> queued = List.of(TestMail.queuedWelcome("alice", "alice@example.com"),
                TestMail.queuedWelcome("bob", "bob@example.com"), TestMail.queuedWelcome("carol", "carol@example.com"));

        try (MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(directory))) {
            queued.forEach(mail -> sender.send(mail, new CountingGate()));
        }

        assertThat(PickupFiles.names(directory))
                .containsExactlyInAnyOrderElementsOf(queued.stream().map(PickupDirectoryTransportTest::fileNameOf).toList());
    }

    @Test
    void entersTheGateWithTheFileWrittenButNotYetUnderItsName() throws Exception {
        QueuedMail queued = TestMail.queuedWelcome("alice", "alice@example.com");
        List<String> namesAtEntry = new ArrayList<>();

        try (MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(directory))) {
            sender.send(queued, new CountingGate(() -> namesAtEntry.addAll(names(directory))));
        }

        assertThat(namesAtEntry).singleElement().asString().startsWith(".").endsWith(".eml.part");
        assertThat(PickupFiles.names(directory)).containsExactly(fileNameOf(queued));
    }

    @Test
    void aGateThatRefusesLeavesNoFileBehind() throws Exception {
        MailDeliveryException refusal = MailDeliveryException.transientFailure("refused by the test", null);

        try (MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(directory))) {
            assertThat(catchThrowable(() -> sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), () -> {
                throw refusal;
            }))).isSameAs(refusal);
        }

        assertThat(PickupFiles.names(directory)).isEmpty();
    }

    @Test
    void keepsOneFilePerMessageIdWhenAMessageIsSentAgain() throws Exception {
        QueuedMail first = TestMail.queuedWelcome("alice", "alice@example.com");
        QueuedMail again = new QueuedMail(first.id(), first.mail(), 2);

        try (MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(directory))) {
            sender.send(first, new CountingGate());
            sender.send(again, new CountingGate());
        }

        assertThat(PickupFiles.names(directory)).containsExactly(fileNameOf(first));
        assertThat(PickupFiles.read(directory.resolve(fileNameOf(first))).getMessageID()).contains(first.id().toString());
    }

    @Test
    void replacesAnOlderFileOfTheSameMessageWithTheWholeMessage() throws Exception {
        QueuedMail queued = TestMail.queuedWelcome("alice", "alice@example.com");
        Files.writeString(directory.resolve(fileNameOf(queued)), "Subject: a stale copy\r\n\r\n");

        try (MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(directory))) {
            sender.send(queued, new CountingGate());
        }

        assertThat(PickupFiles.names(directory)).containsExactly(fileNameOf(queued));
        MimeMessage written = PickupFiles.read(directory.resolve(fileNameOf(queued)));
        assertThat(written.getSubject()).isEqualTo("Welcome to Accounts");
        assertThat(ReceivedMail.partText(written, "text/html")).isPresent();
    }

    @Test
    void makesFilesReadableByTheServiceUserOnlySinceTheyHoldLiveLinks() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        QueuedMail queued = TestMail.queuedWelcome("alice", "alice@example.com");

        try (MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(directory))) {
            sender.send(queued, new CountingGate());
        }

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(fileNameOf(queued)))))
                .isEqualTo("rw-------");
    }

    @Test
    void aDirectoryRemovedAfterStartIsATransientFailureNamingTheDirectoryNotTheMessage() throws Exception {
        Path gone = Files.createDirectory(directory.resolve("pickup"));
        QueuedMail queued = TestMail.queuedWelcome("alice", "alice@example.com");
        String token = queued.mail().parameters().get(MailTemplate.TOKEN);
        MailDeliveryException failure;
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.at(Level.TRACE, "dev.accounts");
             MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(gone))) {
            Files.delete(gone);
            failure = catchThrowableOfType(MailDeliveryException.class, () -> sender.send(queued, new CountingGate()));
            lines = logs.lines();
        }

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure.getMessage()).startsWith("could not write mail to pickup directory " + gone + ": NoSuchFileException")
                .doesNotContain(token).doesNotContain("signed up");
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(token));
    }

    @Test
    void aDirectoryReplacedByAFileIsATransientFailure() throws Exception {
        Path pickup = Files.createDirectory(directory.resolve("pickup"));
        try (MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(pickup))) {
            Files.delete(pickup);
            Files.writeString(pickup, "not a directory");

            MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                    () -> sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), new CountingGate()));

            assertThat(failure.isPermanent()).isFalse();
            assertThat(failure.getMessage()).startsWith("could not write mail to pickup directory " + pickup);
        }
    }

    @Test
    void aDirectoryMadeReadOnlyAfterStartIsATransientFailureAndLeavesNothingBehind() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path pickup = Files.createDirectory(directory.resolve("pickup"));
        try (MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(pickup))) {
            Files.setPosixFilePermissions(pickup, PosixFilePermissions.fromString("r-xr-xr-x"));
            try {
                // The superuser writes anyway; the test means something only where the permission holds.
                assumeFalse(Files.isWritable(pickup), "permissions are enforced for this user");

                MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                        () -> sender.send(TestMail.queuedWelcome("alice", "alice@example.com"), new CountingGate()));

                assertThat(failure.isPermanent()).isFalse();
                assertThat(failure.getMessage()).contains("AccessDeniedException");
                assertThat(PickupFiles.names(pickup)).isEmpty();
            } finally {
                Files.setPosixFilePermissions(pickup, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Test
    void mailWaitsInTheOutboxWhileTheDirectoryIsMissingAndIsWrittenOnceWhenItIsBack() throws Exception {
        Path pickup = Files.createDirectory(directory.resolve("pickup"));
        MutableClock clock = MutableClock.startingAt("2026-01-01T00:00:00Z");
        InMemoryMailOutbox outbox = new InMemoryStore(clock).outbox();
        try (MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(pickup))) {
            MailDeliveryService delivery = new MailDeliveryService(outbox, sender,
                    new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 5), clock, Duration.ofSeconds(30), 10,
                    new Random(7));
            outbox.enqueue(TestMail.welcome("alice", "alice@example.com"));
            Files.delete(pickup);

            assertThat(delivery.deliverDueMail()).isEqualTo(new DeliveryReport(0, 1, 0));
            Entry waiting = outbox.entries().getFirst();
            assertThat(waiting.status()).isEqualTo(Status.PENDING);
            assertThat(waiting.lastError()).startsWith("could not write mail to pickup directory " + pickup);

            Files.createDirectory(pickup);
            clock.advance(Duration.ofMinutes(2));

            assertThat(delivery.deliverDueMail()).isEqualTo(new DeliveryReport(1, 0, 0));
        }
        Entry sent = outbox.entries().getFirst();
        assertThat(sent.status()).isEqualTo(Status.SENT);
        assertThat(PickupFiles.names(pickup)).containsExactly(sent.id() + "@" + TestMail.FROM_DOMAIN + ".eml");
    }

    @Test
    void logsNeitherTheBodyNorTheTokenOfAMessageItWrites() throws Exception {
        QueuedMail queued = new QueuedMail(UUID.randomUUID(), TestMail.of(MailTemplate.PASSWORD_RESET, TestMail.token()), 1);
        String token = queued.mail().parameters().get(MailTemplate.TOKEN);
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.at(Level.TRACE, "dev.accounts");
             MimeMailSender sender = new MimeMailSender(TestMail.pickupDirectory(directory))) {
            sender.send(queued, new CountingGate());
            lines = logs.lines();
        }

        assertThat(Files.readString(directory.resolve(fileNameOf(queued)))).contains(token);
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).contains("pickup directory").contains(queued.id().toString()))
                .noneSatisfy(line -> assertThat(line).contains(token))
                .noneSatisfy(line -> assertThat(line).containsIgnoringCase("reset the password"));
    }

    @Test
    void aReaderNeverSeesAnEmlFileBeforeItIsWhole() throws Exception {
        HalfWayMessage message = new HalfWayMessage(directory, null);

        new PickupDirectoryTransport(directory).deliver(message, new CountingGate());

        assertThat(message.namesSeenHalfWay).isNotEmpty().noneSatisfy(name -> assertThat(name).endsWith(".eml"));
        assertThat(PickupFiles.names(directory)).containsExactly("half-way@accounts.example.com.eml");
        assertThat(Files.readString(directory.resolve("half-way@accounts.example.com.eml"))).endsWith("the rest\r\n");
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNoFileAndIsTransient() throws Exception {
        HalfWayMessage message = new HalfWayMessage(directory, new IOException("No space left on device"));

        MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                () -> new PickupDirectoryTransport(directory).deliver(message, new CountingGate()));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure.getMessage()).endsWith("IOException: No space left on device");
        assertThat(PickupFiles.names(directory)).isEmpty();
    }

    @Test
    void namesFilesWithSafeCharactersOnly() {
        assertThat(PickupDirectoryTransport.fileName("<3f1c@accounts.example.com>")).isEqualTo("3f1c@accounts.example.com.eml");
        assertThat(PickupDirectoryTransport.fileName("<../a/b\\c:d*e@x.example>")).isEqualTo(".._a_b_c_d_e@x.example.eml");
        assertThat(PickupDirectoryTransport.fileName("<" + "a".repeat(300) + "@x.example>")).hasSize(200 + ".eml".length());
    }

    @Test
    void aMessageWithoutMessageIdIsAPermanentFailure() throws IOException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));

        MailDeliveryException failure = catchThrowableOfType(MailDeliveryException.class,
                () -> new PickupDirectoryTransport(directory).deliver(message, new CountingGate()));

        assertThat(failure.isPermanent()).isTrue();
        assertThat(PickupFiles.names(directory)).isEmpty();
    }

    /** A message that, half written, notes what a reader of the directory would see, then finishes or fails. */
    private static final class HalfWayMessage extends MimeMessage {

        private final Path directory;
        private final IOException failure;
        List<String> namesSeenHalfWay = List.of();

        HalfWayMessage(Path directory, IOException failure) throws Exception {
            super(Session.getInstance(new Properties()));
            this.directory = directory;
            this.failure = failure;
            setHeader("Message-ID", "<half-way@accounts.example.com>");
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write("Message-ID: <half-way@accounts.example.com>\r\n\r\nthe first half\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            namesSeenHalfWay = PickupFiles.names(directory);
            if (failure != null) {
                throw failure;
            }
            out.write("the rest\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
