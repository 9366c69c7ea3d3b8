package org.parley.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts packaged Quarkus services ({@code target/quarkus-app/quarkus-run.jar}) as child JVMs and waits
 * until each reports ready. Used by the local run and by tests that need another service for real.
 */
public final class ServiceLauncher implements AutoCloseable {

    /** One service to launch: its name, its packaged jar, its HTTP port and its environment. */
    public record Service(String name, Path jar, int port, Map<String, String> environment) {

        public String url() {
            return "http://localhost:" + port;
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path logDir;
    private final List<Running> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private record Running(Service service, Process process, Path log) {
    }

    public ServiceLauncher(Path logDir) {
        this.logDir = logDir;
    }

    /** Launches every service first, then waits for all of them, so that they start in parallel. */
    public void startAll(List<Service> services) {
        for (Service service : services) {
            launch(service);
        }
        for (Running each : List.copyOf(running)) {
            awaitReady(each);
        }
    }

    public Path log(String serviceName) {
        return logDir.resolve(serviceName + ".log");
    }

    /** Stops one service, as a crash or an operator would, leaving the others running. */
    public void stop(String serviceName) {
        running.stream().filter(r -> r.service().name().equals(serviceName)).toList().forEach(r -> {
            terminate(r.process());
            running.remove(r);
        });
    }

    /** Kills one service at once ({@code kill -9}): no shutdown hook runs, whatever it had in hand is cut off. */
    public void kill(String serviceName) {
        running.stream().filter(r -> r.service().name().equals(serviceName)).toList().forEach(r -> {
            try {
                r.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.remove(r);
        });
    }

    private void launch(Service service) {
        if (!Files.isRegularFile(service.jar())) {
            throw new DevStackException(service.name() + " is not built (" + service.jar() + " is missing): package it first with"
                    + " ./mvnw -B package -DskipTests (the full build, ./mvnw -B verify, packages the services before the tests that launch them)");
        }
        Ports.requireFree(service.port(), service.name(), "the service's QUARKUS_HTTP_PORT");
        try {
            Files.createDirectories(logDir);
            Path log = log(service.name());
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", service.jar() + java.io.File.pathSeparator + ChildMain.location(),
                    ChildMain.class.getName(), String.valueOf(ProcessHandle.current().pid()),
                    "io.quarkus.bootstrap.runner.QuarkusEntryPoint");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(service.jar().getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(service.environment());
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(service.port()));
            running.add(new Running(service, builder.start(), log));
        } catch (IOException e) {
            throw new DevStackException(service.name() + " could not be started: " + e.getMessage(), e);
        }
    }

    private void awaitReady(Running each) {
        URI ready = URI.create(each.service().url() + "/q/health/ready");
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!each.process().isAlive()) {
                throw new DevStackException(each.service().name() + " exited at start (" + lastLine(each.log()) + "); see " + each.log());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevStackException("Interrupted while waiting for " + each.service().name(), e);
            }
            KafkaBroker.sleep(250);
        }
        throw new DevStackException(each.service().name() + " was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + each.log());
    }

    @Override
    public void close() {
        // Stop in reverse order: the gateway first, so nobody is routed to a service that is going away.
        for (int i = running.size() - 1; i >= 0; i--) {
            terminate(running.get(i).process());
        }
        running.clear();
    }

    private static void terminate(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains("ERROR")) {
                    return lines.get(i).strip();
                }
            }
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "no log";
        }
    }
}
