package io.tiempocheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "rebuild", mixinStandardHelpOptions = true, description = "Rebuild aggregates from registro for one day or a range, one user or all.")
class RebuildCommand implements Callable<Integer> {

    @ParentCommand
    FeaturesCli cli;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Days days;

    @Mixin
    UserOption user;

    static class Days {
        @Option(names = "--dia", required = true, description = "YYYY-MM-DD")
        LocalDate day;

        @ArgGroup(exclusive = false)
        DateRange range;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, Object> query = new HashMap<>();
        user.putInto(query);
        if (days.day != null) {
            query.put("dia", days.day);
        } else {
            days.range.putInto(query);
        }
        JsonNode result = cli.api().post("/admin/api/features_rebuild", query);
        System.out.printf("rebuilt %d user-days (%d changed), %d rows written, seconds %d -> %d, in %d ms%n",
                result.path("dias_reconstruidos").asLong(), result.path("dias_cambiados").asLong(),
                result.path("filas_escritas").asLong(), result.path("segundos_antes").asLong(),
                result.path("segundos_despues").asLong(), result.path("duracion_ms").asLong());
        for (JsonNode change : result.path("cambios")) {
            System.out.printf("  usuario %s %s: %d s -> %d s%n", change.path("usuario_id").asText(), change.path("dia").asText(),
                    change.path("segundos_antes").asLong(), change.path("segundos_despues").asLong());
        }
        return 0;
    }
}
