package io.tiempocheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Print /features_health; exit code 0 ok, 1 degraded, 2 down.")
class StatusCommand implements Callable<Integer> {

    @ParentCommand
    FeaturesCli cli;

    @Override
    public Integer call() throws Exception {
        JsonNode health;
        try {
            health = cli.api().get("/features_health", Map.of());
        } catch (AdminApi.ApiException e) {
            System.out.println(e.getMessage());
            return 2;
        }
        System.out.println(AdminApi.pretty(health));
        return switch (health.path("estado").asText()) {
            case "ok" -> 0;
            case "degraded" -> 1;
            default -> 2;
        };
    }
}
