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

    /**
     * The JVM settings a service is launched with.
     * <ul>
     *   <li>{@link #LOCAL}: a quick start on a developer's machine (C1 only, small serial heap): the local
     *       run and the tests.</li>
     *   <li>{@link #PRODUCTION}: what deploy/ gives the services. {@link #PRODUCTION_OPTIONS} is the one list:
     *       deploy/k8s and deploy/compose set it as {@code JDK_JAVA_OPTIONS}, and deploy/checks fails when they
     *       differ from it. Launched here, the JVM also gets {@code -XX:MaxRAM} equal to the service's
     *       memory limit in deploy/k8s, which a container's JVM reads from its cgroup, so that the heap and the GC are
     *       sized as in a pod.</li>
     * </ul>
     */
    public enum JvmProfile {
        LOCAL, PRODUCTION;

        /** The options {@code service} (its module name, or an instance of it: {@code gateway-2}) is launched with. */
        public List<String> options(String service) {
            if (this == LOCAL) {
                return List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
            }
            List<String> options = new ArrayList<>(PRODUCTION_OPTIONS);
            options.add("-XX:MaxRAM=" + memoryLimit(service));
            return List.copyOf(options);
        }
    }

    /**
     * The production JVM options, as deploy/k8s and deploy/compose set them in {@code JDK_JAVA_OPTIONS}: the
     * heap is half the container's memory (the rest is metaspace, code cache, threads and direct buffers);
     * the throughput collector, as the UBI OpenJDK image's launcher chooses; and a JVM out of memory exits,
     * so that the orchestrator restarts it instead of it limping on. Full JIT (C2), unlike {@link JvmProfile#LOCAL}.
     */
    public static final List<String> PRODUCTION_OPTIONS = List.of("-XX:MaxRAMPercentage=50", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError");

    /** Each service's memory limit in deploy/k8s (prod), in JVM notation; checked by deploy/checks. */
    public static final Map<String, String> MEMORY_LIMITS = Map.of("party-service", "384m", "negotiation-service", "512m", "gateway", "384m");

    /** The memory limit a launched instance stands for: its service's, or 512m for anything else (the benchmark's anchors). */
    public static String memoryLimit(String instance) {
        return MEMORY_LIMITS.entrySet().stream().filter(e -> instance.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("512m");
    }

    /**
     * Generous on purpose: a service that dies at start is noticed at once (its process is checked on every poll),
     * so this only bounds a start that hangs. 120 s was too short when three JVMs start together on a 2-core
     * machine that is also running a build or the benchmark's load.
     */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private final Path logDir;
    private final JvmProfile profile;
    private final List<String> extraOptions;
    private final List<Running> running = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private record Running(Service service, Process process, Path log) {
    }

    /** Launches with the {@link JvmProfile#LOCAL} settings. */
    public ServiceLauncher(Path logDir) {
        this(logDir, JvmProfile.LOCAL);
    }

    public ServiceLauncher(Path logDir, JvmProfile profile) {
        this(logDir, profile, List.of());
    }

    /** With JVM options after the profile's, e.g. a flight recording for a profile of the service. */
    public ServiceLauncher(Path logDir, JvmProfile profile, List<String> extraOptions) {
        this.logDir = logDir;
        this.profile = profile;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** The operating system's process id of a running service, e.g. to read its memory use. */
    public long pid(String serviceName) {
        return running.stream().filter(r -> r.service().name().equals(serviceName)).findFirst()
                .orElseThrow(() -> new DevStackException(serviceName + " is not running")).process().pid();
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
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(profile.options(service.name()));
            command.addAll(extraOptions);
            command.addAll(List.of(
                    "-cp", service.jar() + java.io.File.pathSeparator + ChildMain.location(),
                    ChildMain.class.getName(), String.valueOf(ProcessHandle.current().pid()),
                    "io.quarkus.bootstrap.runner.QuarkusEntryPoint"));
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
            // Short, so that a start is timed to a tenth of a second (the benchmark's P3).
            KafkaBroker.sleep(100);
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
