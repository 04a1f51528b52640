package io.tiempocheck.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;

/** The feature store's command line: each subcommand is one call to features-service's admin API. */
@TopCommand
@Command(name = "features-cli", mixinStandardHelpOptions = true,
        description = "Rebuild, check, export and inspect the TiempoCheck feature store, and assign global categories.",
        subcommands = {RebuildCommand.class, QaCommand.class, ExportCommand.class, StatusCommand.class, CategoriesCommand.class})
public class FeaturesCli {

    @Option(names = "--url", description = "features-service base URL (default: ${DEFAULT-VALUE})",
            defaultValue = "${env:TIEMPOCHECK_FEATURES_URL:-http://127.0.0.1:8082}")
    URI url;

    @Option(names = "--token", description = "admin token (default: $TIEMPOCHECK_ADMIN_TOKEN)",
            defaultValue = "${env:TIEMPOCHECK_ADMIN_TOKEN}")
    String token;

    AdminApi api() {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no admin token: pass --token or set TIEMPOCHECK_ADMIN_TOKEN");
        }
        return new AdminApi(url, token);
    }
}
