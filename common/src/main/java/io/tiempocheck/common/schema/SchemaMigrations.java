package io.tiempocheck.common.schema;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Applies the service's Flyway migrations (classpath:db/migration) to its own schema before
 * anything else starts, so Kafka consumers never see a table that does not exist yet.
 * Plain Flyway rather than quarkus-flyway: the Quarkus MySQL/MariaDB add-on for Flyway is not
 * served by the registry these machines use, and flyway-mysql alone drags it in through quarkus-flyway.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class);

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            AgroalDataSource dataSource,
            @ConfigProperty(name = "tiempocheck.schema.migrate-at-start", defaultValue = "true") boolean migrateAtStart) {
        if (!migrateAtStart) {
            return;
        }
        var result = Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.infof("Schema at version %s (%d migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
    }
}
