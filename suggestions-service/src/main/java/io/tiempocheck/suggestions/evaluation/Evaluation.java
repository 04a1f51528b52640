package io.tiempocheck.suggestions.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored walk-forward evaluation: the policies side by side over the same past days. */
@Schema(name = "Evaluacion")
public record Evaluation(
        @JsonProperty("id") long id,
        @JsonProperty("creada_en") Instant createdAt,
        @JsonProperty("desde") LocalDate from,
        @JsonProperty("hasta") LocalDate to,
        @JsonProperty("politicas") List<PolicyOutcome> policies) {
}
