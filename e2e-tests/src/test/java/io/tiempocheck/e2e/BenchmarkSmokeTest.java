package io.tiempocheck.e2e;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every benchmark at a smoke size (the system properties of e2e-tests' bench-smoke execution: a few
 * thousand events, a few hundred streams, a few samples), so a change that breaks one fails the tests
 * instead of waiting for the next person who runs bench/. Asserts that each completes and prints each of
 * its figure lines with numbers in it, never their values: at this size they measure nothing.
 */
@Tag("bench-smoke")
class BenchmarkSmokeTest {

    @Test
    void ingestPipelineBenchmarkPrintsEveryFigure() throws Exception {
        IngestPipelineBenchmark benchmark = new IngestPipelineBenchmark();
        benchmark.measure();
        assertFigures(benchmark.reportFile(), "machine", "warm-up", "raw.producer", "ingest", "ingest.ratio", "consumer",
                "raw.insert", "latency", "consumer.ratio");
    }

    @Test
    void rebuildBenchmarkPrintsEveryFigure() throws Exception {
        FeatureStoreRebuildBenchmark benchmark = new FeatureStoreRebuildBenchmark();
        benchmark.measure();
        assertFigures(benchmark.reportFile(), "history", "rebuild.all-empty", "rebuild.all-filled", "rebuild.user-year",
                "rebuild.user-year-in-service", "rebuild.user-year-in-hole", "rebuild.user-year-windows", "rebuild.user-day", "qa.all",
                "qa-datos.all-checks", "endpoint.health", "endpoint.qa-day", "endpoint.qa-user-day");
    }

    @Test
    void alertsBenchmarkPrintsEveryFigure() throws Exception {
        AlertsBenchmark benchmark = new AlertsBenchmark();
        benchmark.measure();
        assertFigures(benchmark.reportFile(), "machine", "streams", "streams.cpu", "streams.heap", "streams.gauge", "latency",
                "latency.cpu", "latency.legs", "latency.slowest", "streams.after", "raw.kafka-round-trip");
    }

    @Test
    void exportBenchmarkPrintsEveryFigure() throws Exception {
        ExportBenchmark benchmark = new ExportBenchmark();
        benchmark.measure();
        assertFigures(benchmark.reportFile(), "history", "export.user-year");
    }

    @Test
    void suggestionsBenchmarkPrintsEveryFigure() throws Exception {
        SuggestionsBenchmark benchmark = new SuggestionsBenchmark();
        benchmark.measure();
        assertFigures(benchmark.reportFile(), "history", "detail", "evaluation", "refit.all", "refit.naive", "backtest");
    }

    @Test
    void dashboardBenchmarkPrintsEveryFigure() throws Exception {
        // As the dashboard's browser tests: skipped, loudly, only where chromium could not be installed.
        assumeTrue(DashboardBenchmark.browserPresent(),
                "SKIPPED: the dashboard benchmark needs /usr/bin/chromium (deploy/local/test.sh installs it as root)");
        DashboardBenchmark benchmark = new DashboardBenchmark();
        benchmark.measure();
        assertFigures(benchmark.reportFile(), "history", "api.cuenta", "api.categorias", "api.diario", "api.sitios", "api.horario",
                "page.drawn", "page.last-answer");
    }

    @Test
    void scalingBenchmarkPrintsEveryFigure() throws Exception {
        ScalingBenchmark benchmark = new ScalingBenchmark();
        benchmark.measure();
        assertFigures(benchmark.reportFile(), "machine", "backlog", "drain.1", "store", "drain.2", "drain.speed-up");
    }

    private static void assertFigures(Path report, String... names) throws Exception {
        List<String> lines = Files.readAllLines(report);
        for (String name : names) {
            String text = BenchReport.find(lines, name).orElseGet(() -> fail("no line '" + name + ":' in " + report + ":\n" + lines));
            List<Double> numbers = BenchReport.numbers(text);
            assertFalse(numbers.isEmpty(), name + " has no figure: " + text);
            assertTrue(numbers.stream().allMatch(Double::isFinite), name + " has a figure that is not a number: " + text);
        }
    }
}
