package io.tiempocheck.features.quality;

import io.tiempocheck.common.rest.ErrorResponse;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 503 for an on-demand run that failed (the database gone mid-run): recorded as a failed job run, nothing to show. */
class QualityRunFailed extends ServiceUnavailableException {

    QualityRunFailed(String error) {
        super(Response.status(503).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(null, "la ejecución de qa_datos falló: " + error)).build());
    }
}
