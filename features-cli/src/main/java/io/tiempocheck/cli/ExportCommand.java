package io.tiempocheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Write features_horarias.csv.gz and features_diarias.csv.gz (validated by the server first).")
class ExportCommand implements Callable<Integer> {

    @ParentCommand
    FeaturesCli cli;

    @Option(names = "--dir", defaultValue = ".", description = "output folder (default: current)")
    Path dir;

    @Option(names = "--desde")
    LocalDate from;

    @Option(names = "--hasta")
    LocalDate to;

    @Option(names = "--usuario")
    Long user;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        for (String table : List.of("features_horarias", "features_diarias")) {
            Map<String, Object> query = new HashMap<>();
            query.put("tabla", table);
            query.put("desde", from);
            query.put("hasta", to);
            query.put("usuario_id", user);
            Path file = dir.resolve(table + ".csv.gz");
            long bytes = cli.api().download("/admin/api/features_export", query, file);
            System.out.printf("%s (%d bytes)%n", file, bytes);
        }
        return 0;
    }
}
