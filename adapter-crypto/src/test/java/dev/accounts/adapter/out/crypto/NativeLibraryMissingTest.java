package dev.accounts.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback with nothing simulated: a separate JVM whose class path lacks the argon2-jvm jar that carries
 * libargon2, and whose JNA is told to look for system libraries only in an empty directory. JNA then really
 * fails to load the library, as it would on a platform argon2-jvm has no build for.
 */
class NativeLibraryMissingTest {

    /** The artifact with the shared libraries inside; its Java classes live in argon2-jvm-nolibs, which stays. */
    private static final String LIBRARY_JAR = "argon2-jvm-2";

    @TempDir
    static Path emptyLibraryDirectory;

    @BeforeAll
    static void requireNoUnversionedSystemLibrary() {
        // JNA also asks the dynamic linker for "libargon2.so", which only a development package installs; there
        // the library would load and this test could not take it away.
        assumeFalse(List.of("/usr/lib/x86_64-linux-gnu/libargon2.so", "/usr/lib/libargon2.so", "/usr/lib64/libargon2.so",
                "/usr/local/lib/libargon2.so", "/lib/x86_64-linux-gnu/libargon2.so").stream().anyMatch(p -> Files.exists(Path.of(p))),
                "an unversioned libargon2.so is installed system-wide");
    }

    @Test
    void autoFallsBackToBouncyCastleWhenLibargon2CannotLoad() throws Exception {
        Result result = probe("AUTO");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("implementation=JAVA", "verifiedByBouncyCastle=true",
                "native libargon2 is unavailable: UnsatisfiedLinkError");
    }

    @Test
    void nativeStopsWithTheReasonWhenLibargon2CannotLoad() throws Exception {
        Result result = probe("NATIVE");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.output()).contains("unavailable=native Argon2id (libargon2 through argon2-jvm) is unavailable: "
                + "UnsatisfiedLinkError");
    }

    @Test
    void theSameProbeUsesNativeWhenTheJarIsThere() throws Exception {
        // The control: without it, the two tests above would also pass if native never loaded anywhere.
        Result result = run("AUTO", System.getProperty("java.class.path"), false);

        assertThat(result.output()).contains("implementation=NATIVE", "verifiedByBouncyCastle=true");
    }

    private static Result probe(String choice) throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith(LIBRARY_JAR))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(classPath).contains("argon2-jvm-nolibs");
        return run(choice, classPath, true);
    }

    private static Result run(String choice, String classPath, boolean hideSystemLibraries)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath));
        if (hideSystemLibraries) {
            command.add("-Djna.platform.library.path=" + emptyLibraryDirectory);
        }
        command.addAll(List.of(HasherChoiceProbe.class.getName(), choice));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
