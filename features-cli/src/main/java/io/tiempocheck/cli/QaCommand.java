package io.tiempocheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "qa", mixinStandardHelpOptions = true, description = "Check hours = day = registro for every user-day of a range; exit code 2 when a day has a delta.")
class QaCommand implements Callable<Integer> {

    @ParentCommand
    FeaturesCli cli;

    @ArgGroup(exclusive = false, multiplicity = "1")
    DateRange range;

    @Mixin
    UserOption user;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> query = new HashMap<>();
        range.putInto(query);
        user.putInto(query);
        query.put("solo_delta", true);
        JsonNode report = cli.api().get("/features_qa", query);
        JsonNode summary = report.path("resumen");
        System.out.printf("%d user-days checked, %d with a delta, largest delta %d s (%d ms)%n",
                summary.path("dias_revisados").asLong(), summary.path("dias_con_delta").asLong(),
                summary.path("delta_maximo").asLong(), summary.path("duracion_ms").asLong());
        for (JsonNode day : report.path("dias")) {
            System.out.printf("  usuario %s %s: horas %d, dia %d, registro %d%n", day.path("usuario_id").asText(),
                    day.path("dia").asText(), day.path("segundos_horas").asLong(), day.path("segundos_dia").asLong(),
                    day.path("segundos_registro").asLong());
        }
        return summary.path("dias_con_delta").asLong() == 0 ? 0 : 2;
    }
}
