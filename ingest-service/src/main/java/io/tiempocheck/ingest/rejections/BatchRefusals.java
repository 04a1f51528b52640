package io.tiempocheck.ingest.rejections;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiempocheck.common.event.IngestRejection;
import io.tiempocheck.ingest.rest.EventResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts the batches refused whole (400, 413, 415) of a known sender: answers of the intake resource, whether the
 * resource refused the body or its media type was refused before. What the HTTP layer refuses before
 * authentication (an oversized Content-Length, a malformed URI) has no sender to count it for.
 */
public class BatchRefusals {

    private final RejectionTally tally;
    private final SecurityIdentity identity;

    public BatchRefusals(RejectionTally tally, SecurityIdentity identity) {
        this.tally = tally;
        this.identity = identity;
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        String reason = switch (response.getStatus()) {
            case 400 -> IngestRejection.INVALID_BATCH;
            case 413 -> IngestRejection.OVERSIZED_BATCH;
            case 415 -> IngestRejection.WRONG_CONTENT_TYPE;
            default -> null;
        };
        // By path, not by resource: a body JAX-RS refuses for its media type is answered before a resource matches.
        if (reason == null || !request.getMethod().equals("POST") || !request.getUriInfo().getPath().equals(EventResource.PATH)
                || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        tally.countRefusedBatch(Long.parseLong(token.getSubject()), reason);
    }
}
