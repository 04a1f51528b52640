package io.tiempocheck.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * The CPU each process a benchmark phase runs on used during it: the services the benchmark started,
 * its own JVM (the load generator), and the MariaDB server and Kafka broker, which other work on the
 * machine uses too. In cores (CPU seconds per second of the phase), so phases of any length read alike
 * and the sum says how much of the machine the phase had.
 */
final class ProcessCpu {

    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();
    private final Map<String, Duration> atStart = new LinkedHashMap<>();
    private long startNanos;

    /** Starts counting for these services, this JVM, and the database and broker when they run on this machine. */
    static ProcessCpu start(ServiceProcess... services) {
        ProcessCpu cpu = new ProcessCpu();
        for (ServiceProcess service : services) {
            ProcessHandle.of(service.pid()).ifPresent(handle -> cpu.processes.put(service.name(), handle));
        }
        cpu.processes.put("load generator", ProcessHandle.current());
        find(command -> command.endsWith("/mariadbd") || command.endsWith("/mysqld"), "")
                .ifPresent(handle -> cpu.processes.put("MariaDB (shared)", handle));
        find(command -> command.endsWith("/java"), "kafka.Kafka").ifPresent(handle -> cpu.processes.put("Kafka (shared)", handle));
        cpu.processes.forEach((name, handle) -> cpu.atStart.put(name, cpuTime(handle)));
        cpu.startNanos = System.nanoTime();
        return cpu;
    }

    /** "ingest-service 0.12, features-service 0.31, ... cores" since {@link #start}. */
    String cores() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        StringJoiner text = new StringJoiner(", ", "", " cores");
        atStart.forEach((name, before) -> text.add(String.format(Locale.ROOT, "%s %.2f", name,
                cpuTime(processes.get(name)).minus(before).toNanos() / 1e9 / seconds)));
        return text.toString();
    }

    private static Duration cpuTime(ProcessHandle handle) {
        return handle.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static Optional<ProcessHandle> find(Predicate<String> command, String argument) {
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.info().command().filter(command).isPresent())
                .filter(handle -> argument.isEmpty() || handle.info().arguments()
                        .map(arguments -> String.join(" ", arguments).contains(argument)).orElse(false))
                .findFirst();
    }
}
