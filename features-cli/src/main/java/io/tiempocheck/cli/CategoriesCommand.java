package io.tiempocheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "categorias", mixinStandardHelpOptions = true,
        description = "The global site → category table; with --sin-categoria the uncategorised sites by time,"
                + " with DOMINIO CATEGORIA the assignment (every user without an override is re-categorised).")
class CategoriesCommand implements Callable<Integer> {

    @ParentCommand
    FeaturesCli cli;

    @Option(names = "--sin-categoria", description = "list the sites with no global category, most time first")
    boolean uncategorised;

    @Option(names = "--dias", description = "days back for --sin-categoria (1-366, server default 7)")
    Integer days;

    @Option(names = "--top", description = "how many sites for --sin-categoria (1-500, server default 50)")
    Integer top;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DOMINIO")
    String domain;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CATEGORIA")
    String category;

    @Override
    public Integer call() throws Exception {
        try {
            return run();
        } catch (AdminApi.ApiException e) {
            // A refusal (a domain that is no website, an unknown category) is the operator's to read, not a stack trace.
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private int run() throws Exception {
        if (domain != null) {
            if (category == null) {
                throw new IllegalArgumentException("give the category after the domain");
            }
            JsonNode answer = cli.api().put("/admin/api/categorias/" + AdminApi.pathSegment(domain), Map.of("categoria", category));
            System.out.printf("%s → %s (%d hourly rows, %d daily rows re-categorised)%n", answer.path("dominio").asText(),
                    answer.path("categoria").asText(), answer.path("filas_horarias").asLong(), answer.path("filas_diarias").asLong());
            return 0;
        }
        if (uncategorised) {
            Map<String, Object> query = new HashMap<>();
            query.put("dias", days);
            query.put("top", top);
            JsonNode answer = cli.api().get("/admin/api/categorias/sin_categoria", query);
            System.out.printf("Sites with no category, %s to %s:%n", answer.path("desde").asText(), answer.path("hasta").asText());
            for (JsonNode site : answer.path("sitios")) {
                System.out.printf("  %-40s %8d s  %d users%n", site.path("dominio").asText(), site.path("segundos").asLong(),
                        site.path("usuarios").asLong());
            }
            return 0;
        }
        for (JsonNode row : cli.api().get("/admin/api/categorias", Map.of()).path("dominios")) {
            System.out.printf("%-40s %s%n", row.path("dominio").asText(), row.path("categoria").asText());
        }
        return 0;
    }
}
