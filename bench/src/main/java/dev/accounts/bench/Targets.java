package dev.accounts.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The targets of issue 6, each checked against a run's figures. */
final class Targets {

    private Targets() {
    }

    static List<BenchReport.Target> check(BenchReport report, int twicePerCore) {
        List<BenchReport.Target> targets = new ArrayList<>();
        BenchReport.Ratios ratios = report.ratios();
        targets.add(new BenchReport.Target("registrations/s at c=" + twicePerCore + " ÷ best hash ceiling", "≥ 0.90",
                format("%.2f (%.1f/s ÷ %.1f/s)", ratios.registrationsPerCeiling(),
                        report.result("register", twicePerCore).orElseThrow().perSecond(), ratios.bestCeiling()),
                ratios.registrationsPerCeiling() >= 0.9));
        ratios.adjacentTo("register").ifPresent(adjacent -> targets.add(adjacentTarget(adjacent)));
        targets.add(new BenchReport.Target("logins/s at c=" + twicePerCore + " ÷ best hash ceiling", "≥ 0.90",
                format("%.2f (%.1f/s ÷ %.1f/s)", ratios.loginsPerCeiling(),
                        report.result("login", twicePerCore).orElseThrow().perSecond(), ratios.bestCeiling()),
                ratios.loginsPerCeiling() >= 0.9));
        ratios.adjacentTo("login").ifPresent(adjacent -> targets.add(adjacentTarget(adjacent)));
        // Each absolute target of the issue, then the same scaled by what its yardsticks measure on this machine.
        BenchReport.References references = report.references();
        double scale = references.requestScale();
        LoadResult me = report.result("me", 64).orElseThrow();
        targets.add(new BenchReport.Target("GET /api/users/me at c=64", "≥ 8,000/s, p99 < 50 ms",
                format("%.0f/s, p99 %.1f ms", me.perSecond(), me.p99Millis()),
                me.perSecond() >= 8000 && me.p99Millis() < 50));
        targets.add(new BenchReport.Target(format("the same, scaled to this machine (×%.2f, see Yardsticks)", scale),
                format("≥ %,.0f/s, p99 < %.0f ms", 8000 * scale, 50 / scale),
                format("%.0f/s, p99 %.1f ms", me.perSecond(), me.p99Millis()),
                me.perSecond() >= 8000 * scale && me.p99Millis() < 50 / scale));
        LoadResult duplicates = report.load().stream().filter(r -> r.workload().equals("duplicate"))
                .max(Comparator.comparingDouble(LoadResult::perSecond)).orElseThrow();
        targets.add(new BenchReport.Target("409 duplicate registrations (best concurrency)", "≥ 2,000/s",
                format("%.0f/s at c=%d", duplicates.perSecond(), duplicates.concurrency()),
                duplicates.perSecond() >= 2000));
        targets.add(new BenchReport.Target(format("the same, scaled to this machine (×%.2f)", scale),
                format("≥ %,.0f/s", 2000 * scale), format("%.0f/s", duplicates.perSecond()),
                duplicates.perSecond() >= 2000 * scale));
        BenchReport.Drain drain = report.drain();
        double mailScale = references.mailScale();
        targets.add(new BenchReport.Target("outbox drain of " + drain.backlog() + " mails", "≥ 1,000 mails/s",
                format("%.0f mails/s", drain.mailsPerSecond()), drain.mailsPerSecond() >= 1000));
        targets.add(new BenchReport.Target(format("the same, scaled to this machine (×%.2f)", mailScale),
                format("≥ %,.0f mails/s", 1000 * mailScale), format("%.0f mails/s", drain.mailsPerSecond()),
                drain.mailsPerSecond() >= 1000 * mailScale));
        BenchReport.SlowSmtp slow = report.slowSmtp();
        targets.add(new BenchReport.Target("registration p99 with SMTP answering after " + slow.delaySeconds() + " s",
                "within ±10 % of immediate", format("%+.1f %% (%.0f → %.0f ms)", slow.p99Change() * 100,
                        slow.immediate().p99Millis(), slow.delayed().p99Millis()),
                Math.abs(slow.p99Change()) <= 0.10));
        targets.add(new BenchReport.Target("service RSS under 64 clients", "< 512 MiB",
                format("%.0f MiB (VmHWM %.0f MiB)", report.memory().peakRssMiB(), report.memory().highWaterMiB()),
                report.memory().peakRssMiB() < 512));
        return targets;
    }

    /** The same ratio against the native ceiling measured around each turn, so that the host's drift cancels. */
    private static BenchReport.Target adjacentTarget(BenchReport.AdjacentCeiling adjacent) {
        return new BenchReport.Target("the same ÷ native ceiling right before and after each of its "
                + adjacent.turns().size() + " turns", "≥ 0.90",
                format("%.2f (%.1f/s ÷ %.1f/s; turns %s)", adjacent.ratio(), adjacent.workloadPerSecond(),
                        adjacent.perSecond(), adjacent.turnRatios()),
                adjacent.ratio() >= 0.9);
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
