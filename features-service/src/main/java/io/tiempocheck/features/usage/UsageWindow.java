package io.tiempocheck.features.usage;

import io.tiempocheck.common.rest.InvalidInputException;
import io.tiempocheck.common.rest.QueryDates;

import java.time.LocalDate;

/**
 * The days a usage view covers: one of the seed's ranges ending today, or a custom one
 * ({@code rango} answered as {@value #CUSTOM}). {@code from} is null for the whole history.
 */
public record UsageWindow(String rango, LocalDate from, LocalDate to) {

    public static final String CUSTOM = "personalizado";

    public static UsageWindow of(UsageRange range, LocalDate today) {
        return new UsageWindow(range.wireName(), range.firstDay(today), today);
    }

    public static UsageWindow custom(LocalDate from, LocalDate to) {
        return new UsageWindow(CUSTOM, from, to);
    }

    /**
     * The window of a query: {@code rango} (default {@code total}) or a custom {@code desde}/{@code hasta}
     * range (both, at most {@code maxDays} days), never both kinds at once; refused with 400 naming the parameter.
     */
    public static UsageWindow parse(String range, String from, String to, LocalDate today, int maxDays) {
        if (range != null && (from != null || to != null)) {
            throw new InvalidInputException("rango", "usa rango o desde/hasta, no ambos");
        }
        if (from == null && to == null) {
            UsageRange parsed = range == null ? UsageRange.TOTAL : UsageRange.fromWire(range)
                    .orElseThrow(() -> new InvalidInputException("rango", "debe ser hoy, 7d, 30d o total"));
            return of(parsed, today);
        }
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "desde" : "hasta", "un rango personalizado necesita desde y hasta");
        }
        QueryDates.DateRange custom = QueryDates.range(null, from, to, null, null, maxDays);
        return custom(custom.from(), custom.to());
    }
}
