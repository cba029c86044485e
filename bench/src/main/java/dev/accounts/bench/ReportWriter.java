package dev.accounts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The run's figures as a console table, Markdown, JSON and a chart, under the results directory. */
final class ReportWriter {

    private final BenchReport report;

    ReportWriter(BenchReport report) {
        this.report = report;
    }

    void writeAll(Path directory, String stamp) throws IOException {
        String markdown = markdown();
        System.out.println();
        System.out.println(markdown);
        Path md = directory.resolve("bench-" + stamp + ".md");
        Path json = directory.resolve("bench-" + stamp + ".json");
        Path png = directory.resolve("bench-" + stamp + ".png");
        Files.writeString(md, markdown);
        Files.writeString(json, JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(report));
        boolean charted = ReportChart.write(report, png);
        Benchmark.log("Wrote %s, %s%s", md, json, charted ? ", " + png : " (no chart: see above)");
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        BenchReport.Machine machine = report.machine();
        line(out, "# Accounts benchmark, %s", report.startedAt());
        line(out, "");
        line(out, "%d cores (%s), %s; load average %.2f before, %.2f after (other work on the machine lowers every figure). "
                        + "Run took %.0f s.", machine.cores(), machine.cpu(), machine.java(), machine.loadBefore(),
                machine.loadAfter(), report.durationSeconds());
        line(out, "Service hasher: %s (ACCOUNTS_HASHER=%s); libargon2 mapped: %s.", report.serviceHasher(),
                report.hasherSetting(), report.nativeLibrary());
        line(out, "Service JVM options: `%s`.", report.serviceJvmArguments());
        line(out, "");
        line(out, "## Targets");
        line(out, "");
        line(out, "| what | target | measured | met |");
        line(out, "|---|---|---|---|");
        for (BenchReport.Target target : report.targets()) {
            line(out, "| %s | %s | %s | %s |", target.what(), target.target(), target.measured(), target.met() ? "yes" : "**no**");
        }
        line(out, "");
        BenchReport.References references = report.references();
        line(out, "## Yardsticks");
        line(out, "");
        line(out, "What issue 6 set its absolute targets against, measured here; the ratios scale those targets to this machine.");
        line(out, "");
        line(out, "| yardstick | issue's machine | this machine | ratio |");
        line(out, "|---|---:|---:|---:|");
        line(out, "| trivial JSON endpoint, embedded Tomcat + Spring MVC, %d clients (p99 %.1f ms, %.3f ms JVM CPU/request) "
                        + "| %,.0f/s | %,.0f/s | %.2f |", references.trivialJson().concurrency(),
                references.trivialJson().p99Millis(), references.trivialJson().jvmCpuMsPerRequest(),
                ReferencePoints.ISSUE_TRIVIAL_JSON_PER_SECOND, references.trivialJson().perSecond(),
                references.trivialJsonRatio());
        line(out, "| primary-key selects on the service's PostgreSQL, 64 connections | %,.0f/s | %,.0f/s | %.2f |",
                ReferencePoints.ISSUE_PRIMARY_KEY_SELECTS_PER_SECOND, references.primaryKeySelectsPerSecond(),
                references.primaryKeySelectsRatio());
        line(out, "| simple-java-mail alone into the sink, kept-open connections | %,.0f mails/s | %,.0f mails/s | %.2f |",
                ReferencePoints.ISSUE_SIMPLE_JAVA_MAIL_PER_SECOND, references.simpleJavaMailPerSecond(),
                references.mailScale());
        line(out, "");
        line(out, "Request targets scale by ×%.2f (the larger of the first two ratios: `/me` needs both), the drain target by ×%.2f.",
                references.requestScale(), references.mailScale());
        line(out, "");
        line(out, "## Argon2id hash ceiling (m=19456 KiB, t=2, p=1), in-process on %d threads", machine.cores());
        line(out, "");
        line(out, "| implementation | hashes/s | rounds |");
        line(out, "|---|---:|---|");
        for (HashCeiling ceiling : report.ceilings()) {
            line(out, "| %s | %.1f | %s |", ceiling.name(), ceiling.perSecond(), rounded(ceiling.rounds()));
        }
        line(out, "");
        line(out, "Ratios to the best ceiling (%s, %.1f/s): registrations %.2f, logins %.2f.",
                report.ratios().bestCeilingName(), report.ratios().bestCeiling(),
                report.ratios().registrationsPerCeiling(), report.ratios().loginsPerCeiling());
        for (BenchReport.AdjacentCeiling adjacent : report.ratios().adjacent()) {
            double[] ceilings = adjacent.ceilings().stream().mapToDouble(Double::doubleValue).toArray();
            line(out, "");
            line(out, "%s at c=%d in %d turns, each against the native ceiling measured right before and right after "
                            + "it (%s/s): %.2f (%.1f/s ÷ %.1f/s); turn by turn %s.", adjacent.workload(),
                    adjacent.concurrency(), adjacent.turns().size(), rounded(ceilings), adjacent.ratio(),
                    adjacent.workloadPerSecond(), adjacent.perSecond(), adjacent.turnRatios());
            line(out, "");
            line(out, "With both cores busy, each turn's ratio is about the hash's share of the machine's CPU in the "
                            + "turn (%s) times how fast the service hashed against the ceiling around the turn (%s): the "
                            + "first is what the service spends beside the hash, the second moves with the host's drift "
                            + "and with what the work beside the hash costs the hash itself.",
                    adjacent.perTurn(adjacent::hashShare, 3), adjacent.perTurn(adjacent::hashSpeed, 2));
        }
        line(out, "");
        line(out, "## HTTP, closed loop over keep-alive connections");
        line(out, "");
        line(out, "| workload | clients | requests/s | p50 ms | p99 ms | max ms | JVM CPU ms/req | of which JIT | of which hashing | PostgreSQL CPU ms/req | load generator + sink CPU ms/req | machine CPU ms/req | unexpected |");
        line(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (LoadResult r : report.load()) {
            row(out, r);
        }
        line(out, "");
        line(out, "Machine CPU is what all %d cores were busy for in the window, per request: the service, its PostgreSQL, "
                + "this benchmark's load generator and SMTP sink, the kernel and anything else running. Once the cores "
                + "are saturated, a hashing workload's ratio to the ceiling is about the ceiling's CPU per hash "
                + "(%.1f ms) divided by it.", report.machine().cores(),
                report.machine().cores() * 1000 / report.ratios().bestCeiling());
        line(out, "");
        BenchReport.Drain drain = report.drain();
        line(out, "## Outbox drain");
        line(out, "");
        line(out, "%d of %d queued welcome mails reached the SMTP sink in %.1f s: **%.0f mails/s** (the first after %.2f s, "
                + "which includes the worker's poll interval).", drain.sent(), drain.backlog(), drain.seconds(),
                drain.mailsPerSecond(), drain.firstMailAfterSeconds());
        line(out, "");
        BenchReport.SlowSmtp slow = report.slowSmtp();
        line(out, "## Registration with a slow mail server (sink answers each message after %.0f s)", slow.delaySeconds());
        line(out, "");
        line(out, "Measured in four turns, immediate, slow, slow, immediate; each row is the mean of its two turns, so "
                + "that a drift of the host's speed through the phase cancels.");
        line(out, "");
        line(out, "| sink | clients | requests/s | p50 ms | p99 ms | max ms | JVM CPU ms/req | of which JIT | of which hashing | PostgreSQL CPU ms/req | load generator + sink CPU ms/req | machine CPU ms/req | unexpected |");
        line(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        row(out, "immediate", slow.immediate());
        row(out, "after " + (int) slow.delaySeconds() + " s", slow.delayed());
        line(out, "");
        line(out, "## Memory");
        line(out, "");
        line(out, "Service JVM under the 64-client runs: peak VmRSS %.0f MiB; VmHWM over its life %.0f MiB "
                + "(PostgreSQL's processes not included).", report.memory().peakRssMiB(), report.memory().highWaterMiB());
        return out.toString();
    }

    private static void row(StringBuilder out, LoadResult r) {
        row(out, r.workload(), r);
    }

    private static void row(StringBuilder out, String label, LoadResult r) {
        line(out, "| %s | %d | %.1f | %.2f | %.2f | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %d |", label,
                r.concurrency(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.jvmCpuMsPerRequest(),
                r.jitCpuMsPerRequest(), r.hashCpuMsPerRequest(), r.pgCpuMsPerRequest(), r.benchCpuMsPerRequest(),
                r.machineCpuMsPerRequest(), r.unexpected());
    }

    /** Hashes or requests a second, to one place, in a list. */
    static String rounded(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double value : values) {
            parts.add(String.format(Locale.ROOT, "%.1f", value));
        }
        return String.join(", ", parts);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
