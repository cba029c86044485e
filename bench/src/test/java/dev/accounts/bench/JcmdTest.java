package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JcmdTest {

    @Test
    void readsTheOptionsOfAnOptionsFileAsTheLauncherExpandedThem(@TempDir Path directory) throws Exception {
        Path options = Files.writeString(directory.resolve("jvm.options"), """
                # a comment, as in dist/jvm.options
                -Xmx48m
                -XX:MaxGCPauseMillis=30
                """);
        Path waiting = Files.writeString(directory.resolve("Waiting.java"),
                "class Waiting { public static void main(String[] a) throws Exception { Thread.sleep(60_000); } }");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + options, waiting.toString()).redirectErrorStream(true).start();
        try {
            String arguments = "";
            // The JVM answers jcmd once it is up; a source launch takes a second or two to get there.
            for (int attempt = 0; attempt < 60 && !arguments.contains("-Xmx48m"); attempt++) {
                TimeUnit.MILLISECONDS.sleep(250);
                arguments = Jcmd.run(jvm.pid(), "VM.command_line").flatMap(ServiceProcess::jvmArgumentsLine).orElse("");
            }

            assertThat(arguments).contains("-Xmx48m", "-XX:MaxGCPauseMillis=30").doesNotContain("@", "#");
        } finally {
            jvm.destroyForcibly().waitFor();
        }
    }

    @Test
    void aJvmWithoutOptionsHasNoArgumentsLine() {
        String commandLine = """
                4242:
                VM Arguments:
                java_command: accounts.jar
                java_class_path (initial): accounts.jar
                Launcher Type: SUN_STANDARD
                """;

        assertThat(ServiceProcess.jvmArgumentsLine(commandLine)).isEmpty();
    }
}
