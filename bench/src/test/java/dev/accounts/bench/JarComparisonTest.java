package dev.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JarComparisonTest {

    @Test
    void comparesTheMediansOfEachSidesTurnsPerWorkloadAndConcurrency() {
        JarComparison comparison = new JarComparison();
        comparison.add(JarComparison.BASELINE, run("duplicate", 4, 700, 1.40, 0.80));
        comparison.add(JarComparison.BASELINE, run("duplicate", 4, 500, 2.00, 0.90));
        comparison.add(JarComparison.BASELINE, run("duplicate", 4, 600, 1.50, 0.70));
        comparison.add(JarComparison.CANDIDATE, run("duplicate", 4, 900, 1.20, 0.60));
        comparison.add(JarComparison.CANDIDATE, run("duplicate", 4, 750, 1.00, 0.50));
        comparison.add(JarComparison.BASELINE, run("me", 64, 1000, 1.00, 0.40));

        assertThat(comparison.summary()).hasSize(3);
        assertThat(comparison.summary().get(2))
                .startsWith("duplicate c=4")
                .contains("600 → 825 (1.38)")
                .contains("1.50 → 1.10 (0.73)")
                .contains("0.80 → 0.55 (0.69)");
    }

    private static LoadResult run(String workload, int concurrency, double perSecond, double jvm, double pg) {
        return new LoadResult(workload, concurrency, 10, (long) perSecond * 10, 0, perSecond, 1, 2, 3, jvm, pg, 0, 0, 0, 0, null);
    }
}
