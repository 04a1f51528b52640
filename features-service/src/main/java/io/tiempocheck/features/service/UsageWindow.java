package io.tiempocheck.features.service;

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
}
