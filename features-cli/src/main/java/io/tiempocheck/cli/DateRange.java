package io.tiempocheck.cli;

import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.Map;

/** {@code --desde} and {@code --hasta}, given together: an argument group of the commands that take a range. */
class DateRange {

    @Option(names = "--desde", required = true, description = "first day, YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--hasta", required = true, description = "last day, YYYY-MM-DD")
    LocalDate to;

    void putInto(Map<String, Object> query) {
        query.put("desde", from);
        query.put("hasta", to);
    }
}
