package io.tiempocheck.suggestions.suggestion;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tiempocheck.suggestions.policy.SuggestionKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Sugerencia")
public record SuggestionLine(
        @JsonProperty("categoria") String category,
        @JsonProperty("tipo") SuggestionKind kind,
        @Schema(description = "Suggested daily seconds; null when the tier is insuficiente")
        @JsonProperty("segundos") Long seconds,
        @JsonProperty("nivel") Tier tier,
        @JsonProperty("dias_con_datos") int daysWithData) {

    static SuggestionLine of(SuggestionDetail detail) {
        return new SuggestionLine(detail.category(), detail.kind(), detail.seconds(), detail.tier().tier(), detail.daysWithData());
    }
}
