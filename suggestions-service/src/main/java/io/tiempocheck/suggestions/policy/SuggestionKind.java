package io.tiempocheck.suggestions.policy;

import com.fasterxml.jackson.annotation.JsonValue;

/** A limit is a most to stay under (distractions); a goal is a least to reach (work, study). */
public enum SuggestionKind {
    LIMITE, META;

    @JsonValue
    public String id() {
        return name().toLowerCase();
    }
}
