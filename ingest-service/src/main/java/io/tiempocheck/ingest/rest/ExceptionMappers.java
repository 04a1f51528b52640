package io.tiempocheck.ingest.rest;

import io.tiempocheck.common.rest.ErrorResponse;
import io.tiempocheck.ingest.messaging.BrokerUnavailableException;
import io.tiempocheck.ingest.service.BatchRefusedException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response refused(BatchRefusedException e) {
        return Response.status(e.status()).entity(new ErrorResponse(e.field(), e.getMessage())).build();
    }

    /**
     * Kafka did not acknowledge (broker down, timeout, producer buffer full): the client must keep
     * its batch and retry; nothing here was promised durable.
     */
    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        LOG.warnf("Refusing a batch, Kafka did not acknowledge: %s", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(new ErrorResponse(null, "el servidor no pudo guardar los eventos; reintenta en " + RETRY_AFTER_SECONDS + " s"))
                .build();
    }
}
