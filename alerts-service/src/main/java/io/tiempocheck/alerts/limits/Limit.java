package io.tiempocheck.alerts.limits;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A daily limit on one category or one domain, as stored and as the API shows it.
 *
 * @param weekdays the ISO days of the week it applies on, 1 = Monday ... 7 = Sunday
 */
public record Limit(
        @JsonProperty("id") long id,
        @JsonIgnore long userId,
        @JsonProperty("categoria") String category,
        @JsonProperty("dominio") String domain,
        @JsonProperty("segundos_diarios") int dailySeconds,
        @JsonProperty("umbral_aviso") int warningPercent,
        @JsonProperty("dias_semana") List<Integer> weekdays,
        @JsonProperty("activo") boolean active,
        @JsonProperty("creado_en") Instant createdAt,
        @JsonProperty("actualizado_en") Instant updatedAt) {

    public boolean appliesOn(LocalDate day) {
        return active && weekdays.contains(day.getDayOfWeek().getValue());
    }

    public static int weekdayMask(List<Integer> weekdays) {
        int mask = 0;
        for (int day : weekdays) {
            mask |= 1 << (day - 1);
        }
        return mask;
    }

    public static List<Integer> weekdaysOf(int mask) {
        return IntStream.rangeClosed(DayOfWeek.MONDAY.getValue(), DayOfWeek.SUNDAY.getValue())
                .filter(day -> (mask & (1 << (day - 1))) != 0).boxed().toList();
    }
}
