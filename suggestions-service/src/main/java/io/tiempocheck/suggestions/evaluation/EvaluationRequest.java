package io.tiempocheck.suggestions.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tiempocheck.suggestions.policy.PolicyRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

@Schema(name = "EvaluacionEntrada")
public record EvaluationRequest(
        @Schema(description = "First evaluated day (user-local)", required = true, examples = "2026-10-01")
        @JsonProperty("desde") LocalDate from,
        @Schema(description = "Last evaluated day, before today; at most 366 days after desde", required = true, examples = "2026-11-30")
        @JsonProperty("hasta") LocalDate to,
        @Schema(description = "1 to 5 policies; each missing field takes the default", required = true)
        @JsonProperty("politicas") List<PolicyRequest> policies) {
}
