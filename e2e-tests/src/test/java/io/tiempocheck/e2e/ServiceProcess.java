package io.tiempocheck.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service run as a real process, as the local runner and production run it. */
final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private String heap = "256m";
    private Process process;

    ServiceProcess(String name, Path root, int port, Map<String, String> env, Path logDir) {
        this(name, root, port, env, logDir, name);
    }

    /** @param instance the name of this process's log, to tell replicas of one service apart */
    ServiceProcess(String name, Path root, int port, Map<String, String> env, Path logDir, String instance) {
        this.name = instance;
        this.jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.port = port;
        this.env = env;
        this.log = logDir.resolve(instance + ".log");
    }

    /** Adds to the environment the process starts with: before {@link #start}. */
    ServiceProcess environment(Map<String, String> more) {
        env.putAll(more);
        return this;
    }

    /** The -Xmx the process starts with; 256m, as deploy/local/up.sh runs the services, unless set. */
    ServiceProcess heap(String maxHeap) {
        this.heap = maxHeap;
        return this;
    }

    /** The name of this process's log: the service, or the replica. */
    String name() {
        return name;
    }

    /** The operating system's id of the running process. */
    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the service and waits until it is ready to serve. */
    void start() {
        launch();
        // Generous: on a 2-core machine shared by several parallel builds a start can take well over a minute.
        awaitHealth("/q/health/ready", Duration.ofSeconds(180));
    }

    /** Starts the service and waits only until it is alive: for tests of a service whose dependencies are down. */
    void startAlive() {
        launch();
        awaitHealth("/q/health/live", Duration.ofSeconds(90));
    }

    private void launch() {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the e2e tests run after the services are packaged (mvn verify)");
        }
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(javaBinary(), "-Xmx" + heap, "-jar", jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
    }

    /** CPU time the process has used so far: all its threads, JIT compilation and GC included. */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow();
    }

    /** Kills the process the hard way (SIGKILL): no shutdown hook, no last commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private void awaitHealth(String path, Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not UP on " + path + " after " + timeout + "; see " + log);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
