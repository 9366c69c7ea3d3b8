package org.parley.negotiation;

import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.parley.devstack.ServiceLauncher;
import org.parley.devstack.ServiceLauncher.JvmProfile;
import org.parley.devstack.DevStack;
import org.parley.devstack.ParleyServices;
import org.parley.devstack.SharedDevStack;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The position write path, measured on purpose and never in CI (its name does not match surefire's test
 * pattern): the packaged negotiation-service on a dev stack, with production JVM settings, and N writers each
 * PUTting a position on its own (clause, party) with If-Match, straight to the service. It prints, next to a
 * pgbench single-row UPDATE anchor run on the same PostgreSQL in the same run:
 * <ul>
 *   <li>writes/s at each writer count, and the ratio of the most writers to one;</li>
 *   <li>CPU ms per write of the service process ({@code /proc/PID/stat} utime+stime over the writes, without the JIT
 *       compiler threads and net of what the idle service burns), which other load on the machine distorts far less
 *       than writes/s;</li>
 *   <li>SQL statements and round trips per write, counted on the wire by a PostgreSQL protocol proxy in a second
 *       launch (Execute and simple Query messages; Sync and simple Query messages are round trips), the outbox
 *       relay's included;</li>
 *   <li>the latency of a write at each writer count (p50, p90, p99 and the longest, HdrHistogram), which the load from
 *       other work on the machine moves as much as it moves writes/s.</li>
 * </ul>
 * Package the service first, then run:
 * <pre>
 * ./mvnw -B -q package -pl negotiation-service -am -DskipTests
 * ./mvnw -B test -pl negotiation-service -am -Dtest=WritePathBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Properties: {@code parley.bench.writers} (default {@code 1,8}), {@code parley.bench.seconds} (measured seconds per
 * writer count, default 20), {@code parley.bench.jvm} ({@code production}, the default: ServiceLauncher's production profile, as deploy/ sets it;
 * or {@code local}: ServiceLauncher's C1-only quick start), {@code parley.bench.app} (another packaged
 * {@code quarkus-app} directory, e.g. a copy of the one before a change), {@code parley.bench.jfr} (a file: record the
 * throughput launch with JDK Flight Recorder's profile settings).
 */
class WritePathBenchmark {

    private static final String SOURCE = """
            {"publication": "Reuters", "url": "https://www.reuters.com/world/europe/example", "publishedOn": "2025-12-03", "attribution": "Yuri Ushakov"}""";

    /** HTTP/1.1, as the gateway and wrk speak it (the JDK client would otherwise upgrade to h2c). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private String token;

    @Test
    void positionWrites() throws Exception {
        List<Integer> writerCounts = Arrays.stream(System.getProperty("parley.bench.writers", "1,8").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        int seconds = Integer.getInteger("parley.bench.seconds", 20);
        boolean local = "local".equals(System.getProperty("parley.bench.jvm"));
        JvmProfile jvm = local ? JvmProfile.LOCAL : JvmProfile.PRODUCTION;
        Path app = Path.of(System.getProperty("parley.bench.app", "target/quarkus-app")).toAbsolutePath();
        int maxWriters = writerCounts.stream().max(Integer::compare).orElseThrow();

        DevStack stack = SharedDevStack.get();
        token = SharedDevStack.tokens().token("analyst");
        double pgbench = pgbench(stack, maxWriters, 10);

        List<String> report = new ArrayList<>();
        report.add("service: " + app + ", JVM " + String.join(" ", jvm.options("negotiation-service")) + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        report.add("pgbench single-row UPDATE, " + maxWriters + " clients: " + Math.round(pgbench) + " tps");

        // 1. Throughput and CPU per write, the service connected straight to PostgreSQL.
        String jfr = System.getProperty("parley.bench.jfr");
        List<String> recording = jfr == null ? List.of()
                : List.of("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(jfr).toAbsolutePath());
        double oneWriter = 0;
        try (Service service = Service.launch(app, jvm, recording, stack.jdbcUrl("negotiation"), stack)) {
            Scenario scenario = scenario(service.url(), maxWriters);
            double idleMsPerSecond = -1;
            for (int writers : writerCounts) {
                // Long enough for C2 to compile the write path: CPU per write counts the compiler threads too.
                Result warm = run(service, scenario, writers, Duration.ofSeconds(Math.max(10, seconds)), null);
                if (idleMsPerSecond < 0) {
                    // What the service burns doing nothing (relay and consumer polls, the JIT finishing): subtracted
                    // from the CPU per write, which at one writer it would otherwise inflate.
                    double before = service.cpuMs();
                    long start = System.nanoTime();
                    Thread.sleep(5000); // the measured idle window itself
                    idleMsPerSecond = (service.cpuMs() - before) / ((System.nanoTime() - start) / 1e9);
                    report.add(String.format("service idle: %.1f ms CPU per second", idleMsPerSecond));
                }
                Result r = run(service, scenario, writers, Duration.ofSeconds(seconds), null);
                double netCpuMs = (r.cpuMs - idleMsPerSecond * r.seconds) / r.writes;
                assertEquals(0, warm.failures + r.failures, "every write succeeds");
                if (writers == 1) {
                    oneWriter = r.perSecond();
                }
                report.add(String.format("%d writer(s): %.0f writes/s, %.2f ms CPU of the service per write without JIT (%.2f net of idle), %.1f ms per write per writer, ratio to pgbench %.4f%s",
                        writers, r.perSecond(), r.cpuMsPerWrite(), netCpuMs, 1000.0 * writers / r.perSecond(), r.perSecond() / pgbench,
                        writers > 1 && oneWriter > 0 ? String.format(", %.2f× one writer", r.perSecond() / oneWriter) : ""));
                report.add(String.format("  latency per write, %d writer(s), %d writes: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
                        writers, r.latency.getTotalCount(), r.latency.getValueAtPercentile(50) / 1000.0, r.latency.getValueAtPercentile(90) / 1000.0,
                        r.latency.getValueAtPercentile(99) / 1000.0, r.latency.getMaxValue() / 1000.0));
            }
        }

        // 2. Statements and round trips per write, counted on the wire.
        try (StatementCounter counter = new StatementCounter(stack.settings().postgresPort());
             Service service = Service.launch(app, jvm, List.of(), "jdbc:postgresql://localhost:" + counter.port() + "/negotiation", stack)) {
            Scenario scenario = scenario(service.url(), 1);
            run(service, scenario, 1, Duration.ofSeconds(5), null);
            long writes = 300;
            counter.reset();
            Result r = run(service, scenario, 1, null, writes);
            // Let the relay publish what the last writes appended before reading its share.
            awaitRelayed(stack);
            assertEquals(0, r.failures, "every write succeeds");
            report.add(String.format("per write (1 writer, %d writes, outbox relay included): %.2f statements, %.2f round trips",
                    writes, counter.statements.get() / (double) writes, counter.roundTrips.get() / (double) writes));
            counter.byText.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> report.add(String.format("  %6.2f  %s", e.getValue().get() / (double) writes, e.getKey().replaceAll("\\s+", " "))));
        }
        System.out.println("\n==== write path ====\n" + String.join("\n", report) + "\n====");
        assertTrue(oneWriter > 0 || !writerCounts.contains(1));
    }

    // ---- the anchor ------------------------------------------------------------------------------------------

    /** pgbench, from the PostgreSQL client installed on the machine, updating one row per client. */
    private static double pgbench(DevStack stack, int clients, int seconds) throws Exception {
        stack.ensureDatabase("bench");
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("bench"), stack.databaseUser(), "");
             Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_row");
            s.execute("create table bench_row (id int primary key, n bigint not null)");
            s.execute("insert into bench_row select g, 0 from generate_series(1, " + clients + ") g");
        }
        Path script = Files.createTempFile("pgbench", ".sql");
        Files.writeString(script, "update bench_row set n = n + 1 where id = :client_id + 1;\n");
        Process p = new ProcessBuilder("pgbench", "-n", "-h", "localhost", "-p", String.valueOf(stack.settings().postgresPort()),
                "-U", stack.databaseUser(), "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
                "-T", String.valueOf(seconds), "-f", script.toString(), "bench")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said: " + out);
        }
        return Double.parseDouble(tps.group(1));
    }

    // ---- the scenario ----------------------------------------------------------------------------------------

    /** One negotiation with {@code writers} principal parties, a proposal and a clause per writer. */
    record Scenario(List<UUID> parties, List<UUID> clauses, String[] etags, AtomicLong sequence) {
    }

    private Scenario scenario(String url, int writers) throws Exception {
        List<UUID> parties = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SharedDevStack.connection().jdbcUrl("negotiation"), "postgres", "");
             PreparedStatement insert = c.prepareStatement(
                     "insert into known_party (id, slug, name, kind, source_updated_at) values (?, ?, ?, 'state', now())")) {
            for (int i = 0; i < writers; i++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, "bench-" + id);
                insert.setString(3, "Bench party " + i);
                insert.executeUpdate();
                parties.add(id);
            }
        }
        String participants = String.join(",", parties.stream().map(p -> "{\"partyId\": \"" + p + "\", \"role\": \"principal\"}").toList());
        String negotiation = id(send(url, "POST", "/api/v1/negotiations", null, """
                {"title": "Bench talks %s", "status": "active", "startedOn": "2025-11-19", "parties": [%s]}""".formatted(UUID.randomUUID(), participants)));
        String proposal = id(send(url, "POST", "/api/v1/proposals", null, """
                {"negotiationId": "%s", "title": "Bench plan", "sponsorPartyId": "%s", "version": 1, "status": "tabled", "sources": [%s]}"""
                .formatted(negotiation, parties.get(0), SOURCE)));
        List<UUID> clauses = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            clauses.add(UUID.fromString(id(send(url, "POST", "/api/v1/proposals/" + proposal + "/clauses", null, """
                    {"label": "%d", "heading": "Clause %d", "topic": "ceasefire"}""".formatted(i + 1, i + 1)))));
        }
        return new Scenario(parties, clauses, new String[writers], new AtomicLong());
    }

    private static String id(HttpResponse<String> created) {
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.statusCode() + " " + created.body());
        }
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
        if (!m.find()) {
            throw new IllegalStateException("no id in " + created.body());
        }
        return m.group(1);
    }

    private HttpResponse<String> send(String url, String method, String path, String ifMatch, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- the load --------------------------------------------------------------------------------------------

    /** {@code latency}: each successful write's time from request to response, in microseconds. */
    record Result(long writes, long failures, double seconds, double cpuMs, Histogram latency) {
        double perSecond() {
            return writes / seconds;
        }

        double cpuMsPerWrite() {
            return cpuMs / writes;
        }
    }

    /** Writers in closed loops, for {@code duration} or until {@code totalWrites} writes are done. */
    private Result run(Service service, Scenario scenario, int writers, Duration duration, Long totalWrites) throws Exception {
        AtomicLong writes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        // Written by every writer at once without locks; read once, after they have stopped.
        Recorder latency = new Recorder(3);
        List<Thread> threads = new ArrayList<>();
        double cpuBefore = service.cpuMs();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                String path = "/api/v1/clauses/" + scenario.clauses().get(writer) + "/positions/" + scenario.parties().get(writer);
                while (!stop.get()) {
                    long n = scenario.sequence().incrementAndGet();
                    // Alternate between two statuses that raise no alert, with a new note each time: every write is a change.
                    String body = """
                            {"status": "%s", "note": "Stance %d", "sources": [%s]}""".formatted(n % 2 == 0 ? "contested" : "under_review", n, SOURCE);
                    try {
                        long sent = System.nanoTime();
                        HttpResponse<String> response = send(service.url(), "PUT", path, scenario.etags()[writer], body);
                        if (response.statusCode() / 100 == 2) {
                            latency.recordValue((System.nanoTime() - sent) / 1000);
                            scenario.etags()[writer] = response.headers().firstValue("ETag").orElseThrow();
                            if (totalWrites != null && writes.incrementAndGet() >= totalWrites) {
                                stop.set(true);
                            } else if (totalWrites == null) {
                                writes.incrementAndGet();
                            }
                        } else {
                            failures.incrementAndGet();
                            System.err.println("write failed: " + response.statusCode() + " " + response.body());
                            stop.set(true);
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                        stop.set(true);
                    }
                }
            }, "writer-" + w);
            thread.start();
            threads.add(thread);
        }
        if (duration != null) {
            Thread.sleep(duration.toMillis()); // the measured window itself, not a wait for a condition
            stop.set(true);
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(writes.get(), failures.get(), seconds, service.cpuMs() - cpuBefore, latency.getIntervalHistogram());
    }

    private static void awaitRelayed(DevStack stack) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("negotiation"), stack.databaseUser(), "");
             Statement s = c.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (var r = s.executeQuery("select count(*) from event_outbox where sent_at is null")) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the relay did not publish the outbox within 30 s");
    }

    // ---- the service under test ------------------------------------------------------------------------------

    /** The packaged service in its own JVM, launched by deploy/devstack's ServiceLauncher with the given profile. */
    record Service(ServiceLauncher launcher, String url, long pid) implements AutoCloseable {

        static Service launch(Path app, JvmProfile jvm, List<String> extraOptions, String jdbcUrl, DevStack stack) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            ServiceLauncher launcher = new ServiceLauncher(Files.createTempDirectory("negotiation-service-bench"), jvm, extraOptions);
            ServiceLauncher.Service service = new ServiceLauncher.Service("negotiation-service", app.resolve("quarkus-run.jar"), port,
                    ParleyServices.serviceEnvironment(stack.kafkaBootstrapServers(), jdbcUrl, stack.issuer().url()));
            launcher.startAll(List.of(service));
            long pid = launcher.pid(service.name());
            System.out.println("negotiation-service pid " + pid + ", log " + launcher.log(service.name()));
            return new Service(launcher, service.url(), pid);
        }

        /**
         * User + system CPU of the process so far, from /proc (clock ticks of 10 ms on Linux), without its JIT compiler
         * threads: compiling is a cost of warming up, which on a machine busy with other work lasts long into the
         * measured window and would be counted against the writes.
         */
        double cpuMs() throws IOException {
            double compilers = 0;
            try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        // "C1 CompilerThre", "C2 CompilerThre": names are cut to 15 characters.
                        if (Files.readString(task.resolve("comm")).contains("Compiler")) {
                            compilers += ticksMs(task.resolve("stat"));
                        }
                    } catch (IOException threadEnded) {
                        // the thread ended between the listing and the read
                    }
                }
            }
            return ticksMs(Path.of("/proc", String.valueOf(pid), "stat")) - compilers;
        }

        private static double ticksMs(Path stat) throws IOException {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
        }

        @Override
        public void close() {
            launcher.close();
        }
    }

    // ---- counting statements on the wire ---------------------------------------------------------------------

    /**
     * A PostgreSQL protocol proxy that counts what clients send: an Execute ('E') or a simple Query ('Q') is a
     * statement; a Sync ('S') or a simple Query ends a round trip. It passes every byte through unchanged.
     */
    static final class StatementCounter implements AutoCloseable {
        final AtomicLong statements = new AtomicLong();
        final AtomicLong roundTrips = new AtomicLong();
        /** How often each statement text ran, for attributing them to the code that sends them. */
        final Map<String, AtomicLong> byText = new java.util.concurrent.ConcurrentHashMap<>();
        private final ServerSocket server;
        private final int target;

        StatementCounter(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0);
            daemon(this::accept);
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "statement-counter");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void reset() {
            statements.set(0);
            roundTrips.set(0);
            byText.clear();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    client.setTcpNoDelay(true);
                    Socket upstream = new Socket("localhost", target);
                    upstream.setTcpNoDelay(true);
                    daemon(() -> pipe(upstream, client));
                    daemon(() -> count(client, upstream));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[16384];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the connection closed
            }
        }

        private void count(Socket from, Socket to) {
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(from.getInputStream()));
                 OutputStream out = new java.io.BufferedOutputStream(to.getOutputStream(), 65536)) {
                // Untyped messages first: SSL or GSS encryption requests (answered 'N' by this server), then the startup message.
                while (true) {
                    int length = in.readInt();
                    byte[] rest = in.readNBytes(length - 4);
                    out.write(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
                    out.write(rest);
                    out.flush();
                    int code = ((rest[0] & 0xff) << 24) | ((rest[1] & 0xff) << 16) | ((rest[2] & 0xff) << 8) | (rest[3] & 0xff);
                    if (code != 80877103 && code != 80877104) {
                        break;
                    }
                }
                Map<String, String> prepared = new java.util.HashMap<>();
                String bound = null;
                while (true) {
                    int type = in.read();
                    if (type < 0) {
                        return;
                    }
                    int length = in.readInt();
                    byte[] rest = in.readNBytes(length - 4);
                    switch (type) {
                        case 'P' -> {
                            String[] parts = cstrings(rest, 2);
                            prepared.put(parts[0], parts[1]);
                        }
                        case 'B' -> bound = prepared.get(cstrings(rest, 2)[1]);
                        default -> {
                        }
                    }
                    switch (type) {
                        case 'E' -> {
                            statements.incrementAndGet();
                            byText.computeIfAbsent(String.valueOf(bound), k -> new AtomicLong()).incrementAndGet();
                        }
                        case 'S' -> roundTrips.incrementAndGet();
                        case 'Q' -> {
                            byText.computeIfAbsent(cstrings(rest, 1)[0], k -> new AtomicLong()).incrementAndGet();
                            statements.incrementAndGet();
                            roundTrips.incrementAndGet();
                        }
                        default -> {
                        }
                    }
                    out.write(type);
                    out.write(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
                    out.write(rest);
                    if (in.available() == 0) {
                        out.flush();
                    }
                }
            } catch (IOException ignored) {
                // the connection closed
            }
        }

        private static String[] cstrings(byte[] message, int count) {
            String[] strings = new String[count];
            int from = 0;
            for (int i = 0; i < count; i++) {
                int end = from;
                while (message[end] != 0) {
                    end++;
                }
                strings[i] = new String(message, from, end - from, java.nio.charset.StandardCharsets.UTF_8);
                from = end + 1;
            }
            return strings;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
