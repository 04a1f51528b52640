package io.tiempocheck.suggestions.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Schema(name = "Resumen")
public record WeekSummary(
        @Schema(examples = "2026-W48") @JsonProperty("semana") String week,
        @JsonProperty("desde") LocalDate from,
        @JsonProperty("hasta") LocalDate to,
        @Schema(description = "The week's days counted: up to yesterday, today is not over")
        @JsonProperty("dias_contados") int countedDays,
        @JsonProperty("rachas") Streaks streaks,
        @JsonProperty("dias_inusuales") List<UnusualDay> unusualDays,
        @Schema(description = "This week against the same weekdays of last week, per category")
        @JsonProperty("categorias") List<WeekOverWeek> categories) {

    @Schema(name = "Rachas", description = "Consecutive days with data ending on the last counted day")
    public record Streaks(
            @Schema(description = "Days under every suggested limit")
            @JsonProperty("dentro_de_limites") int withinLimits,
            @JsonProperty("metas") List<GoalStreak> goals) {
    }

    @Schema(name = "RachaMeta")
    public record GoalStreak(@JsonProperty("categoria") String category, @JsonProperty("dias") int days) {
    }

    @Schema(name = "DiaInusual", description = "Use above median + k × 1.4826 × MAD of the last 8 same weekdays, and at least margen above the median")
    public record UnusualDay(
            @JsonProperty("dia") LocalDate day,
            @JsonProperty("categoria") String category,
            @JsonProperty("segundos") long seconds,
            @JsonProperty("mediana_segundos") double median,
            @JsonProperty("mad_segundos") double mad,
            @JsonProperty("umbral_segundos") double threshold) {
    }

    @Schema(name = "SemanaContraSemana")
    public record WeekOverWeek(
            @JsonProperty("categoria") String category,
            @JsonProperty("esta_semana_segundos") long thisWeek,
            @JsonProperty("semana_anterior_segundos") long lastWeek,
            @JsonProperty("cambio_segundos") long change,
            @Schema(description = "Null when last week had none")
            @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("cambio_porcentaje") BigDecimal changePercent) {
    }
}
