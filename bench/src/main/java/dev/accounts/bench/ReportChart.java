package dev.accounts.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Throughput and latency against concurrency, one line per workload, side by side in one PNG. Both axes of values
 * are logarithmic: registrations run at tens a second, {@code GET /api/users/me} at thousands.
 */
final class ReportChart {

    private static final List<String> WORKLOADS = List.of("register", "login", "me", "duplicate");
    /** One colour per workload in both charts, so a p50 line and its p99 line read as a pair. */
    private static final List<Color> COLOURS = List.of(new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x9467bd),
            new Color(0x2ca02c));

    private ReportChart() {
    }

    /** @return false when no chart could be drawn (a JDK without fonts, say); the other outputs do not depend on it */
    static boolean write(BenchReport report, Path png) {
        System.setProperty("java.awt.headless", "true");
        try {
            XYChart throughput = chart("Throughput", "requests/s");
            XYChart latency = chart("Latency (solid p50, dashed p99)", "ms");
            for (int w = 0; w < WORKLOADS.size(); w++) {
                String workload = WORKLOADS.get(w);
                Color colour = COLOURS.get(w);
                List<LoadResult> results = report.load().stream().filter(r -> r.workload().equals(workload)).toList();
                if (results.isEmpty()) {
                    continue;
                }
                double[] clients = results.stream().mapToDouble(LoadResult::concurrency).toArray();
                style(throughput.addSeries(workload, clients,
                        results.stream().mapToDouble(r -> Math.max(r.perSecond(), 0.1)).toArray()), colour, SeriesMarkers.CIRCLE);
                style(latency.addSeries(workload + " p50", clients,
                        results.stream().mapToDouble(r -> Math.max(r.p50Millis(), 0.01)).toArray()), colour, SeriesMarkers.CIRCLE);
                XYSeries p99 = latency.addSeries(workload + " p99", clients,
                        results.stream().mapToDouble(r -> Math.max(r.p99Millis(), 0.01)).toArray());
                style(p99, colour, SeriesMarkers.DIAMOND);
                p99.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
            }
            BitmapEncoder.saveBitmap(List.of(throughput, latency), 1, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
            return true;
        } catch (IOException | RuntimeException | Error e) {
            Benchmark.log("The chart could not be drawn: %s", e);
            return false;
        }
    }

    private static void style(XYSeries series, Color colour, org.knowm.xchart.style.markers.Marker marker) {
        series.setMarker(marker);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
    }

    private static XYChart chart(String title, String yAxis) {
        XYChart chart = new XYChartBuilder().width(820).height(480).title(title).xAxisTitle("concurrent clients")
                .yAxisTitle(yAxis).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        return chart;
    }
}
