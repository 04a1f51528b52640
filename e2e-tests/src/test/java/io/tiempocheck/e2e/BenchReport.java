package io.tiempocheck.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A benchmark's figures, each printed and appended to the benchmark's report file the moment it is
 * measured, so a phase that fails later erases none of the ones before it. Every line reads
 * {@code name: text (load L)}: a stable name to find it by (the smoke test, whoever copies it into
 * docs/benchmarks.md), the figures with their limit and target, and the machine's one-minute load
 * average when it was printed, since the machine is shared. Numbers are formatted in Locale.ROOT.
 */
final class BenchReport {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    /** A number as String.format writes it in Locale.ROOT, or what it writes for a figure that could not be computed. */
    private static final Pattern NUMBER = Pattern.compile("NaN|-?Infinity|-?\\d[\\d,]*(\\.\\d+)?");
    private static final Pattern LOAD = Pattern.compile(" \\(load [^)]*\\)$");
    private final Path file;

    /** Starts the report file {@code fileName} afresh in {@code bench.report-dir} (e2e-tests/target unless set). */
    BenchReport(String title, String fileName) {
        Path root = Path.of(System.getProperty("tiempocheck.root", "..")).toAbsolutePath().normalize();
        Path dir = Path.of(System.getProperty("bench.report-dir", root.resolve("e2e-tests/target").toString()));
        file = dir.resolve(fileName);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        print("==== " + title + " ====");
    }

    /** One figure line; {@code name} is lower case with dots and dashes. */
    void figure(String name, String format, Object... args) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a figure name: " + name);
        }
        print(name + ": " + String.format(Locale.ROOT, format, args) + String.format(Locale.ROOT, " (load %s)", loadAverage()));
    }

    Path file() {
        return file;
    }

    /** The text of the line called {@code name} in a report file's lines, without its name and load. */
    static Optional<String> find(List<String> lines, String name) {
        return lines.stream().filter(line -> line.startsWith(name + ": "))
                .map(line -> LOAD.matcher(line.substring(name.length() + 2)).replaceFirst("")).findFirst();
    }

    /** Every number of a figure's text, NaN and Infinity included: the figures a reader would take from it. */
    static List<Double> numbers(String text) {
        List<Double> numbers = new ArrayList<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            numbers.add(Double.parseDouble(number.group().replace(",", "")));
        }
        return numbers;
    }

    /** The one-minute load average, as uptime prints it first. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void print(String line) {
        System.out.println(line);
        try {
            Files.writeString(file, line + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
