package dev.accounts.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSettingsTest {

    private static MailSettings withHost(String host) {
        return new MailSettings(host, 587, "mailer", "s3cret-Pa55", MailSettings.Transport.STARTTLS,
                TestMail.FROM, TestMail.PUBLIC_URL, null, null);
    }

    @Test
    void toStringHidesThePassword() {
        String text = withHost("smtp.example.com").toString();

        assertThat(text).doesNotContain("s3cret-Pa55").contains("password=(set)").contains("smtp.example.com");
    }

    @Test
    void aMissingOrBlankHostMeansLoggingOnly() {
        assertThat(withHost(null).loggingOnly()).isTrue();
        assertThat(withHost("  ").loggingOnly()).isTrue();
        assertThat(withHost("smtp.example.com").loggingOnly()).isFalse();
        assertThat(MailSettings.loggingOnly(TestMail.FROM, TestMail.PUBLIC_URL).loggingOnly()).isTrue();
    }

    @Test
    void timeoutsAndTransportDefaultToTenSecondsAndStarttls() {
        MailSettings settings = new MailSettings("smtp.example.com", 587, null, null, null, TestMail.FROM, TestMail.PUBLIC_URL, null, null);

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.transport()).isEqualTo(MailSettings.Transport.STARTTLS);
    }

    @Test
    void rejectsAPasswordWithoutAUsername() {
        assertThatThrownBy(() -> new MailSettings("smtp.example.com", 587, " ", "s3cret-Pa55", null, TestMail.FROM,
                TestMail.PUBLIC_URL, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cret-Pa55");
    }

    @Test
    void rejectsASenderThatIsNotOneAddressWithADomain() {
        for (String from : new String[] {"no-reply", "Accounts <no-reply@localhost>", "a@example.com, b@example.com"}) {
            assertThatThrownBy(() -> MailSettings.loggingOnly(from, TestMail.PUBLIC_URL))
                    .as(from).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsAPublicUrlThatIsNotAPlainAbsoluteWebAddress() {
        for (String url : new String[] {"/relative", "javascript:alert(1)", "ftp://example.com/",
                "https://example.com/?next=x", "https://example.com/#top", "https://user@example.com/"}) {
            assertThatThrownBy(() -> MailSettings.loggingOnly(TestMail.FROM, URI.create(url)))
                    .as(url).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void rejectsAPortOutOfRangeWhenSending() {
        assertThatThrownBy(() -> new MailSettings("smtp.example.com", 0, null, null, null, TestMail.FROM, TestMail.PUBLIC_URL, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsATimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> new MailSettings("smtp.example.com", 25, null, null, null, TestMail.FROM, TestMail.PUBLIC_URL,
                Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theModeFollowsWhatIsSet(@TempDir Path directory) {
        assertThat(withHost("smtp.example.com").mode()).isEqualTo(MailSettings.Mode.SMTP);
        assertThat(MailSettings.loggingOnly(TestMail.FROM, TestMail.PUBLIC_URL).mode()).isEqualTo(MailSettings.Mode.LOG);
        MailSettings files = TestMail.pickupDirectory(directory);
        assertThat(files.mode()).isEqualTo(MailSettings.Mode.FILE);
        assertThat(files.loggingOnly()).isFalse();
    }

    @Test
    void makesThePickupDirectoryAbsolute(@TempDir Path directory) {
        Path relative = Path.of("").toAbsolutePath().relativize(directory);

        assertThat(TestMail.pickupDirectory(relative).pickupDirectory()).isEqualTo(directory.toAbsolutePath());
    }

    @Test
    void rejectsAPickupDirectoryThatDoesNotExist(@TempDir Path directory) {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> TestMail.pickupDirectory(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mail pickup directory does not exist or is not a directory: " + missing);
    }

    @Test
    void rejectsAPickupDirectoryThatIsAFile(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("file.txt"), "not a directory");

        assertThatThrownBy(() -> TestMail.pickupDirectory(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mail pickup directory does not exist or is not a directory");
    }

    @Test
    void rejectsAPickupDirectoryThatIsNotWritable(@TempDir Path directory) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path readOnly = Files.createDirectory(directory.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // The superuser may write anyway; the test means something only where the permission holds.
            assumeFalse(Files.isWritable(readOnly), "permissions are enforced for this user");

            assertThatThrownBy(() -> TestMail.pickupDirectory(readOnly))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("mail pickup directory is not writable: " + readOnly);
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void rejectsBothAnSmtpHostAndAPickupDirectory(@TempDir Path directory) {
        assertThatThrownBy(() -> new MailSettings("smtp.example.com", 25, null, null, null, TestMail.FROM,
                TestMail.PUBLIC_URL, null, null, directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not both");
    }
}
