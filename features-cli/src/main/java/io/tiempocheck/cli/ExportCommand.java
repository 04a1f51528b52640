package io.tiempocheck.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
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

    @ArgGroup(exclusive = false, multiplicity = "0..1")
    DateRange range;

    @Mixin
    UserOption user;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        for (String table : List.of("features_horarias", "features_diarias")) {
            Map<String, Object> query = new HashMap<>();
            query.put("tabla", table);
            if (range != null) {
                range.putInto(query);
            }
            user.putInto(query);
            Path file = dir.resolve(table + ".csv.gz");
            long bytes = cli.api().download("/admin/api/features_export", query, file);
            System.out.printf("%s (%d bytes)%n", file, bytes);
        }
        return 0;
    }
}
