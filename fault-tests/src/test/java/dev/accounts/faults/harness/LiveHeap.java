package dev.accounts.faults.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live heap of another JVM: {@code jcmd <pid> GC.class_histogram} runs a full collection first, so its total is
 * what survives, not what happens to be allocated. Growth of that figure under steady load is a leak.
 */
final class LiveHeap {

    private LiveHeap() {
    }

    static long measure(long pid) {
        try {
            Process jcmd = new ProcessBuilder(ServiceJar.jcmd().toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            jcmd.getOutputStream().close();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd GC.class_histogram failed for " + pid + ": " + output.strip());
            }
            // The last line: "Total <instances> <bytes>".
            List<String> total = output.lines().filter(line -> line.startsWith("Total")).toList();
            if (total.isEmpty()) {
                throw new IllegalStateException("no total in jcmd's histogram for " + pid);
            }
            String[] columns = total.getLast().trim().split("\\s+");
            return Long.parseLong(columns[columns.length - 1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
