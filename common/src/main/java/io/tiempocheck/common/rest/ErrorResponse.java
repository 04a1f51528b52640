package io.tiempocheck.common.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every refused request: the field at fault (when there is one) and the reason. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(String campo, String motivo) {
}
