package dev.accounts.faults.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The packaged service, {@code bootstrap/target/accounts.jar}, found through the {@code accounts.jar} system
 * property the module's POM sets. It is not a Maven dependency (nothing may depend on bootstrap): the reactor
 * packages bootstrap before this module, so a missing jar means the build ran this module alone.
 */
final class ServiceJar {

    private static final Path DEFAULT = Path.of("..", "bootstrap", "target", "accounts.jar");
    private static final Path JVM_OPTIONS = Path.of("..", "dist", "jvm.options");

    private ServiceJar() {
    }

    static Path location() {
        String configured = System.getProperty("accounts.jar");
        Path jar = (configured == null ? DEFAULT : Path.of(configured)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The service jar " + jar + " is missing. Package it first, e.g. "
                    + "`mvn -pl bootstrap -am package -DskipTests`, or run the whole reactor, which builds bootstrap "
                    + "before fault-tests.");
        }
        return jar;
    }

    /** The options file that run.sh, the systemd unit and the image start the service with. */
    static Path jvmOptions() {
        Path file = JVM_OPTIONS.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The service's JVM options " + file + " are missing.");
        }
        return file;
    }

    /** The {@code java} launcher of the JVM running the tests, so the service runs on the same JDK. */
    static Path javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** {@code jcmd} next to that launcher, for live-heap figures. */
    static Path jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }
}
