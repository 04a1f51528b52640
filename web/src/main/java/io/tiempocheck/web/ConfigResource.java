package io.tiempocheck.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Tells the pages the services' base URLs, so one build of the pages runs locally and behind the Ingress. */
@Path("/config.json")
public class ConfigResource {

    /** The JSON the pages read at start (field names are the pages' contract). */
    public record PageConfig(String ingest, String features, String alerts, String suggestions) {
    }

    private final DashboardConfig config;

    public ConfigResource(DashboardConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PageConfig get() {
        if (config.sameOrigin()) {
            return new PageConfig("", "", "", "");
        }
        DashboardConfig.Services services = config.services();
        return new PageConfig(services.ingest(), services.features(), services.alerts(), services.suggestions());
    }
}
