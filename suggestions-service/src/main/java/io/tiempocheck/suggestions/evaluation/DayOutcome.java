package io.tiempocheck.suggestions.evaluation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** One category on one evaluated day: what the policy would have suggested that morning, and what happened. */
@Schema(name = "DiaEvaluado")
public record DayOutcome(
        @JsonProperty("dia") LocalDate day,
        @Schema(description = "Null when the policy had too few days with data to suggest a value")
        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("sugerido") Long suggested,
        @JsonProperty("real") long actual,
        @JsonProperty("resultado") Result result) {

    public enum Result {
        EXCESO, PROXIMIDAD, DENTRO, META_CUMPLIDA, META_NO_CUMPLIDA, SIN_SUGERENCIA;

        @JsonValue
        public String id() {
            return name().toLowerCase();
        }
    }
}
