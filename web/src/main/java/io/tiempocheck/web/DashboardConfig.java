package io.tiempocheck.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the pages find the services. Locally each service has its own port (CORS lets the dashboard's
 * origin call them); behind the Ingress every base URL is empty and the pages call their own host.
 */
@ConfigMapping(prefix = "tiempocheck.web")
public interface DashboardConfig {

    /** Behind the Ingress (one host): the pages call their own origin, whatever {@link #services()} says. */
    @WithDefault("false")
    boolean sameOrigin();

    Services services();

    interface Services {
        String ingest();

        String features();

        String alerts();

        String suggestions();
    }
}
