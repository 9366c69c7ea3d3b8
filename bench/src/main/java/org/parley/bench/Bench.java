package org.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.parley.devstack.DevStack;
import org.parley.devstack.ParleyServices;
import org.parley.devstack.ServiceLauncher;
import org.parley.devstack.ServiceLauncher.JvmProfile;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./parley bench}: issue 15's figures P1-P7, each beside its anchor measured in the same run. Starts its
 * own dev stack on free ports (never the local run's) and the packaged services with the production JVM options
 * ({@link ServiceLauncher.JvmProfile#PRODUCTION}), prints the table and writes it into docs/performance.md.
 * <p>
 * Options: {@code --scale smoke|full} (or {@code -Dbench.scale}), {@code --root DIR} (the checkout),
 * {@code --no-write} (print only), {@code --only P1,P7} (a subset of the figures, e.g. to compare a change before
 * and after; the services are started all the same). A subset run writes only its own rows, with a note naming
 * the figures it ran: rows of an earlier run are not carried over, because a ratio is only meaningful beside
 * figures from the same run.
 */
public final class Bench {

    private static final Duration ALERT_WAIT = Duration.ofSeconds(30);
    private static final Duration LIST_READ_BUDGET = Duration.ofSeconds(60);

    private final Scale scale;
    private final Path root;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> only;

    private DevStack stack;
    private ServiceLauncher launcher;
    private Api api;
    private URI gateway;
    private URI negotiation;
    private Fixture fixture;
    private Fixture.Board board;

    private Bench(Scale scale, Path root, Set<String> only) {
        this.scale = scale;
        this.root = root;
        this.only = only;
    }

    static final List<String> FIGURES = List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7");

    /** {@code P1,P7} → the figures to run; empty for all. */
    static Set<String> parseOnly(String list) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String each : list.split(",")) {
            String figure = each.strip().toUpperCase(Locale.ROOT);
            if (!FIGURES.contains(figure)) {
                throw new IllegalArgumentException("--only takes figures among " + String.join(",", FIGURES) + ", not '" + each.strip() + "'");
            }
            chosen.add(figure);
        }
        return chosen;
    }

    private boolean runs(String figure) {
        return only.isEmpty() || only.contains(figure);
    }

    public static void main(String[] args) {
        String scaleName = System.getProperty("bench.scale", "full");
        Path root = Path.of(".");
        boolean write = true;
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scaleName = args[++i];
                case "--root" -> root = Path.of(args[++i]);
                case "--no-write" -> write = false;
                case "--only" -> {
                    try {
                        only = parseOnly(args[++i]);
                    } catch (IllegalArgumentException e) {
                        System.err.println("bench: " + e.getMessage());
                        System.exit(2);
                    }
                }
                default -> {
                    System.err.println("bench: unknown option " + args[i] + " (use --scale smoke|full, --root DIR, --no-write, --only P1,P7)");
                    System.exit(2);
                }
            }
        }
        Bench bench = new Bench(Scale.of(scaleName), root.toAbsolutePath().normalize(), only);
        if (!only.isEmpty()) {
            bench.notes.add("Only " + String.join(", ", only) + " run (--only); the other figures are not in this table.");
        }
        Instant started = Instant.now();
        try {
            bench.run();
        } catch (RuntimeException e) {
            System.err.println("bench: " + e.getMessage());
            e.printStackTrace();
            bench.close();
            System.exit(1);
        }
        bench.close();
        String table = Report.markdown(bench.figures, Report.Machine.current(), started, bench.scale.name(), bench.notes);
        System.out.println();
        System.out.println(Report.text(bench.figures));
        bench.notes.forEach(n -> System.out.println("- " + n));
        System.out.printf("%nThe run took %d s.%n", Duration.between(started, Instant.now()).toSeconds());
        if (write) {
            Path document = bench.root.resolve("docs/performance.md");
            Report.write(document, table);
            System.out.println("Written to " + document);
        }
        System.exit(0);
    }

    private void run() {
        say("Starting the dev stack (throw-away, free ports)...");
        stack = startStack();
        launcher = new ServiceLauncher(stack.settings().dataDir().resolve("logs"), JvmProfile.PRODUCTION);
        api = new Api(stack.issuer().tokens().token("admin"));

        startServices();
        say("Creating the boards...");
        fixture = Fixture.create(api, gateway);
        board = fixture.board("Benchmark board");

        if (runs("P1")) {
            p1BoardReadThroughTheGateway();
        }
        if (runs("P2")) {
            p2WriteToAlertOnKafka();
        }
        if (runs("P4")) {
            p4BoardWithLongHistory(fixture.board("Benchmark board with a long history"));
        }
        if (runs("P5")) {
            p5PositionWrites("production JVM options");
        }
        if (runs("P6")) {
            p6ListsAtScale();
        }
        if (runs("P7")) {
            p7AlertFanOut();
        }
        if (runs("P5")) {
            p5WithTheLocalRunsJvmOptions();
        }
    }

    /** Free ports are picked before they are bound; another process on a busy machine can take one first. */
    private static DevStack startStack() {
        for (int attempt = 1; ; attempt++) {
            try {
                return DevStack.start(DevStack.Settings.throwaway());
            } catch (org.parley.devstack.DevStackException e) {
                if (attempt == 3 || !e.getMessage().contains("already in use")) {
                    throw e;
                }
                say("A port was taken meanwhile (" + e.getMessage() + "); trying other ports...");
            }
        }
    }

    // ---- P3: start ----------------------------------------------------------------------------------

    /** Each service started alone, timed to its first ready answer, then its RSS; and the bare app the same way. */
    private void startServices() {
        String kafka = stack.kafkaBootstrapServers();
        String issuer = stack.issuer().url();
        ServiceLauncher.Service party = ParleyServices.packaged(root, "party-service", "party-service",
                ParleyServices.serviceEnvironment(kafka, stack.jdbcUrl("party"), issuer));
        ServiceLauncher.Service negotiationService = ParleyServices.packaged(root, "negotiation-service", "negotiation-service",
                ParleyServices.serviceEnvironment(kafka, stack.jdbcUrl("negotiation"), issuer));
        Map<String, String> gatewayEnvironment = new HashMap<>(ParleyServices.gatewayEnvironment(kafka, issuer, party.url(), negotiationService.url()));
        // One token drives every figure; the per-subject rate limit (600/min) would turn the load into 429s.
        gatewayEnvironment.put("PARLEY_ACCESS_RATE_LIMIT_REQUESTS", "1000000000");
        ServiceLauncher.Service gatewayService = ParleyServices.packaged(root, "gateway", "gateway", gatewayEnvironment);

        if (!runs("P3")) {
            say("Starting the services (P3 not timed)...");
            // One at a time, as P3 does: on a loaded machine three JVMs starting at once miss the ready timeout.
            for (ServiceLauncher.Service service : List.of(party, negotiationService, gatewayService)) {
                launcher.startAll(List.of(service));
            }
            gateway = URI.create(gatewayService.url());
            negotiation = URI.create(negotiationService.url());
            return;
        }
        stack.ensureDatabase("bench");
        sql("bench", "create table if not exists bench_note (id bigint primary key, text text)",
                "insert into bench_note values (1, 'anchor') on conflict do nothing");
        Map<String, String> anchorEnvironment = Map.of("QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl("bench"),
                "QUARKUS_DATASOURCE_USERNAME", stack.databaseUser(), "QUARKUS_DATASOURCE_PASSWORD", "");
        ServiceLauncher.Service anchor = ParleyServices.packaged(root, "bench/anchor-app", "bench-anchor-app", anchorEnvironment);

        say("P3: starting the bare Quarkus REST + Hibernate + PostgreSQL app, then each service alone...");
        double[] anchorStart = timedStart(anchor);
        String anchorText = String.format("bare app %.1f s, %.0f MiB", anchorStart[0], anchorStart[1]);
        launcher.stop(anchor.name());
        for (ServiceLauncher.Service service : List.of(party, negotiationService, gatewayService)) {
            double[] start = timedStart(service);
            double timeRatio = start[0] / anchorStart[0];
            double rssRatio = start[1] / anchorStart[1];
            figures.add(new Figure("P3 " + service.name() + " start", service.name() + ": time to first ready answer",
                    String.format("%.1f s", start[0]), anchorText, timeRatio, "≤ 1.3× time", timeRatio <= 1.3));
            figures.add(new Figure("P3 " + service.name() + " RSS", service.name() + ": RSS after start",
                    String.format("%.0f MiB", start[1]), anchorText, rssRatio, "≤ 1.2× RSS", rssRatio <= 1.2));
        }
        gateway = URI.create(gatewayService.url());
        negotiation = URI.create(negotiationService.url());
    }

    /** [seconds to ready, RSS in MiB once ready] */
    private double[] timedStart(ServiceLauncher.Service service) {
        long start = System.nanoTime();
        launcher.startAll(List.of(service));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {seconds, Tools.rssMiB(launcher.pid(service.name()))};
    }

    // ---- P1: the gateway's overhead ----------------------------------------------------------------

    private void p1BoardReadThroughTheGateway() {
        String path = "/api/v1/proposals/" + board.proposalId() + "/board";
        for (int connections : List.of(16, 64)) {
            say("P1: board read with wrk, " + connections + " connections, through the gateway and straight to the service...");
            String viaGatewayUrl = gateway + path;
            String directUrl = negotiation + path;
            // Both paths warmed up before either is timed, then timed in the order A B B A, so that neither gains
            // from JIT compilation or loses to other load that drifts during the run.
            Tools.wrk(viaGatewayUrl, api.token(), connections, scale.warmUp());
            Tools.wrk(directUrl, api.token(), connections, scale.warmUp());
            Duration half = scale.loadDuration().dividedBy(2);
            Tools.WrkResult viaGateway = Tools.wrk(viaGatewayUrl, api.token(), connections, half);
            Tools.WrkResult direct = Tools.wrk(directUrl, api.token(), connections, half)
                    .plus(Tools.wrk(directUrl, api.token(), connections, half));
            viaGateway = viaGateway.plus(Tools.wrk(viaGatewayUrl, api.token(), connections, half));
            double ratio = viaGateway.requestsPerSecond() / direct.requestsPerSecond();
            figures.add(new Figure("P1 c" + connections, "board read through the gateway, wrk " + connections + " connections",
                    String.format("%.0f req/s, %d non-2xx of %d", viaGateway.requestsPerSecond(), viaGateway.failed(), viaGateway.requests()),
                    String.format("straight to negotiation-service: %.0f req/s, %d non-2xx", direct.requestsPerSecond(), direct.failed()),
                    ratio, "≥ 0.85, 0 non-2xx", ratio >= 0.85 && viaGateway.failed() == 0 && direct.failed() == 0));
        }
    }

    // ---- P2: write → alert on Kafka ----------------------------------------------------------------

    private void p2WriteToAlertOnKafka() {
        say("P2: raw Kafka produce → consume round trips...");
        Latencies raw = KafkaProbe.rawRoundTrips(stack.kafkaBootstrapServers(), scale.roundTrips());
        say("P2: position writes, each raising an alert, timed to a plain Kafka consumer...");
        Latencies alerts = new Latencies();
        try (KafkaProbe probe = new KafkaProbe(stack.kafkaBootstrapServers(), "parley.alerts.v1")) {
            AlertingWriter writer = new AlertingWriter(board.clauseIds().get(Fixture.CLAUSES - 1), fixture.partyIds.get(0));
            for (int i = 0; i < scale.roundTrips() + 10; i++) {
                probe.clear();
                long start = System.nanoTime();
                writer.write();
                long arrived = probe.next(ALERT_WAIT);
                if (i >= 10) {
                    alerts.recordNanos(arrived - start);
                }
            }
        }
        double ratio = alerts.p99() / raw.p99();
        figures.add(new Figure("P2", "position write → its alert at a plain Kafka consumer, p99", alerts.describe(),
                "raw produce → consume: " + raw.describe(), ratio, "≤ 1.5×", ratio <= 1.5));
    }

    /**
     * Moves one party's stance on one clause into and out of {@code rejected}: each move raises an alert
     * (a party moves a clause to rejected, or out of it).
     */
    private final class AlertingWriter {

        private final URI position;
        private String etag;
        private boolean rejected;

        AlertingWriter(String clause, String party) {
            this.position = Fixture.position(negotiation, clause, party);
            this.etag = api.send("GET", position, null, null).etag();
        }

        void write() {
            rejected = !rejected;
            Api.Answer answer = api.write("PUT", position, Map.of("status", rejected ? "rejected" : "under_review",
                    "sources", Fixture.sources()), etag);
            etag = answer.etag();
        }
    }

    // ---- P4: the board with a long history ---------------------------------------------------------

    private void p4BoardWithLongHistory(Fixture.Board history) {
        say("P4: loading " + scale.historyRows() + " position changes into one board's history...");
        int perPosition = scale.historyRows() / (Fixture.CLAUSES * Fixture.PARTIES);
        sql("negotiation", """
                insert into position_change (position_id, status, previous_status, note, sources, recorded_at, recorded_by, created_at)
                select p.id, p.status, p.status, 'benchmark history', p.sources, p.recorded_at - make_interval(secs => g), 'benchmark', now()
                from party_position p cross join generate_series(1, %d) g
                where p.proposal_id = '%s'""".formatted(perPosition, history.proposalId()), "analyze position_change");
        String empty = "/api/v1/proposals/" + board.proposalId() + "/board";
        String full = "/api/v1/proposals/" + history.proposalId() + "/board";
        Latencies[] measured = alternate(negotiation.resolve(full), negotiation.resolve(empty));
        double ratio = measured[0].p50() / measured[1].p50();
        figures.add(new Figure("P4", "board read p50 with " + String.format("%,d", perPosition * Fixture.CLAUSES * Fixture.PARTIES)
                + " position changes in its history", measured[0].describe(), "the same board, empty history: " + measured[1].describe(),
                ratio, "≤ 1.2×", ratio <= 1.2));
    }

    /** Reads {@code a} and {@code b} in turn, one at a time, so that both see the same machine; warmed up first. */
    private Latencies[] alternate(URI a, URI b) {
        for (int i = 0; i < Math.max(20, scale.reads() / 5); i++) {
            api.timedGet(a);
            api.timedGet(b);
        }
        Latencies la = new Latencies();
        Latencies lb = new Latencies();
        for (int i = 0; i < scale.reads(); i++) {
            la.recordNanos(api.timedGet(a));
            lb.recordNanos(api.timedGet(b));
        }
        return new Latencies[] {la, lb};
    }

    // ---- P5: position writes -----------------------------------------------------------------------

    private void p5PositionWrites(String label) {
        say("P5: pgbench single-row UPDATE, 8 clients...");
        int port = stack.settings().postgresPort();
        stack.ensureDatabase("pgbench");
        Tools.pgbenchInit(port, stack.databaseUser(), "pgbench");
        Path script = writeScript("\\set aid random(1, 100000)\nUPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;\n");
        double tps = Tools.pgbench(port, stack.databaseUser(), "pgbench", script, 8, scale.loadDuration());

        say("P5: position writes straight to negotiation-service, 1 writer, then 8 writers (" + label + ")...");
        writes(1, scale.warmUp());
        double one = writes(1, scale.loadDuration());
        writes(8, scale.warmUp());
        double eight = writes(8, scale.loadDuration());
        double ratio = eight / tps;
        double scaling = eight / one;
        figures.add(new Figure("P5 8 writers", "position writes/s, 8 writers, each its own clause × party (" + label + ")",
                String.format("%.0f writes/s", eight), String.format("pgbench single-row UPDATE, 8 clients: %.0f tps", tps), ratio,
                "≥ 0.1", ratio >= 0.1));
        figures.add(new Figure("P5 scaling", "8 writers against 1 writer (" + label + ")", String.format("%.0f writes/s", eight),
                String.format("1 writer: %.0f writes/s (%.1f ms each)", one, 1000 / one), scaling, "≥ 3×", scaling >= 3));
        p5Production = eight;
    }

    private double p5Production;

    private void p5WithTheLocalRunsJvmOptions() {
        say("P5: negotiation-service again with the local run's JVM options " + JvmProfile.LOCAL.options("negotiation-service") + "...");
        ServiceLauncher.Service restarted = ParleyServices.packaged(root, "negotiation-service", "negotiation-service-local",
                negotiation.getPort(), ParleyServices.serviceEnvironment(stack.kafkaBootstrapServers(), stack.jdbcUrl("negotiation"),
                        stack.issuer().url()));
        launcher.stop("negotiation-service");
        try (ServiceLauncher local = new ServiceLauncher(stack.settings().dataDir().resolve("logs"), JvmProfile.LOCAL)) {
            local.startAll(List.of(restarted));
            writes(8, scale.warmUp());
            double eight = writes(8, scale.loadDuration());
            double ratio = eight / p5Production;
            figures.add(new Figure("P5 local JVM", "position writes/s, 8 writers, local run's JVM options "
                    + String.join(" ", JvmProfile.LOCAL.options("negotiation-service")), String.format("%.0f writes/s", eight),
                    String.format("production JVM options: %.0f writes/s", p5Production), ratio, "(for the record)", true));
        }
    }

    /**
     * {@code writers} threads, each changing its own party's stance on its own clause back and forth
     * ({@code under_review} ↔ {@code contested}: no alert), for {@code duration}; writes per second.
     */
    private double writes(int writers, Duration duration) {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            URI position = Fixture.position(negotiation, board.clauseIds().get(w % Fixture.CLAUSES), fixture.partyIds.get(1 + w / Fixture.CLAUSES));
            running.add(pool.submit(() -> {
                String etag = api.send("GET", position, null, null).etag();
                boolean contested = false;
                while (System.nanoTime() < end) {
                    contested = !contested;
                    Api.Answer answer = api.send("PUT", position, Map.of("status", contested ? "contested" : "under_review",
                            "sources", Fixture.sources()), etag);
                    if (answer.status() == 200) {
                        etag = answer.etag();
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        etag = api.send("GET", position, null, null).etag();
                    }
                }
            }));
        }
        long start = System.nanoTime();
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                throw new BenchException("a writer failed: " + e, e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (failed.get() > 0) {
            notes.add("P5: " + failed.get() + " of " + (done.get() + failed.get()) + " writes with " + writers + " writer(s) were refused and retried");
        }
        return done.get() / seconds;
    }

    // ---- P6: lists at scale -------------------------------------------------------------------------

    /**
     * First page, a page half-way in, and an {@code updated_since} walk over the incidents, with
     * {@link Scale#listAnchorRows()} rows and then with {@link Scale#listRows()}. The list shapes are
     * {@link ListRead}s: a cursor ({@code page_token}) walk is one more.
     */
    private void p6ListsAtScale() {
        say("P6: incident lists with " + scale.listAnchorRows() + " rows...");
        loadIncidents(0, scale.listAnchorRows());
        Map<ListRead, Latencies> small = measureLists(scale.listAnchorRows());
        say("P6: loading " + (scale.listRows() - scale.listAnchorRows()) + " more incidents...");
        loadIncidents(scale.listAnchorRows(), scale.listRows());
        Map<ListRead, Latencies> large = measureLists(scale.listRows());
        for (ListRead read : ListRead.values()) {
            double ratio = large.get(read).p50() / small.get(read).p50();
            figures.add(new Figure("P6 " + read.label, "incidents, " + read.description + ", p50 with " + String.format("%,d", scale.listRows()) + " rows",
                    large.get(read).describe(), String.format("%,d rows: ", scale.listAnchorRows()) + small.get(read).describe(), ratio,
                    "≤ 1.5×", ratio <= 1.5));
        }
    }

    /** The list reads P6 times; each builds the request for a list of {@code rows} rows. */
    enum ListRead {
        FIRST_PAGE("first page", "first page of 50 (page=0)"),
        DEEP_PAGE("deep page", "a page of 50 half-way in (page=rows/100)"),
        SYNC_WALK("sync walk", "sync walk (sort=changes) with updated_since half-way, 50 a page, following nextPageToken");

        final String label;
        final String description;

        ListRead(String label, String description) {
            this.label = label;
            this.description = description;
        }
    }

    private Map<ListRead, Latencies> measureLists(int rows) {
        Map<ListRead, Latencies> result = new HashMap<>();
        URI list = negotiation.resolve("/api/v1/incidents");
        String halfWay = Instant.parse("2020-01-01T00:00:00Z").plusMillis(rows / 2).toString();
        int requests = scale.reads() / 3;
        for (ListRead read : ListRead.values()) {
            Latencies latencies = new Latencies();
            String pageToken = null;
            // A read that scans the whole table takes seconds on a busy machine: the time budget, not the count,
            // then bounds the run (at least 10 timed reads).
            long budgetEnd = System.nanoTime() + LIST_READ_BUDGET.toNanos();
            for (int i = 0; i < requests + 5 && (i < 15 || System.nanoTime() < budgetEnd); i++) {
                URI uri = switch (read) {
                    case FIRST_PAGE -> URI.create(list + "?size=50");
                    case DEEP_PAGE -> URI.create(list + "?size=50&page=" + rows / 100);
                    case SYNC_WALK -> URI.create(list + "?size=50&sort=changes&updated_since=" + halfWay
                            + (pageToken == null ? "" : "&page_token=" + pageToken));
                };
                long start = System.nanoTime();
                Api.Answer answer = api.send("GET", uri, null, null);
                long took = System.nanoTime() - start;
                if (answer.status() != 200) {
                    throw new BenchException("GET " + uri + " answered " + answer.status() + ": " + answer.body());
                }
                if (read == ListRead.SYNC_WALK) {
                    JsonNode next = answer.body().path("nextPageToken");
                    pageToken = next.isTextual() ? next.asText() : null;
                }
                if (i >= 5) {
                    latencies.recordNanos(took);
                }
            }
            result.put(read, latencies);
        }
        return result;
    }

    /** Incidents {@code from} (inclusive) to {@code to} (exclusive), each updated a millisecond after the one before. */
    private void loadIncidents(int from, int to) {
        sql("negotiation", """
                insert into incident (id, negotiation_id, occurred_on, date_precision, kind, description, sources, created_at, updated_at, version)
                select gen_random_uuid(), '%s', date '2020-01-01' + (g / 1000), 'EXACT_DAY', 'MISSILE_STRIKE', 'Benchmark incident ' || g,
                       '[{"publication": "Parley benchmark", "attribution": "the benchmark"}]',
                       timestamptz '2020-01-01T00:00:00Z' + make_interval(secs => g / 1000.0),
                       timestamptz '2020-01-01T00:00:00Z' + make_interval(secs => g / 1000.0), 0
                from generate_series(%d, %d) g""".formatted(fixture.negotiationId, from, to - 1), "analyze incident");
    }

    // ---- P7: alert fan-out on the SSE stream --------------------------------------------------------

    private void p7AlertFanOut() {
        URI stream = gateway.resolve("/api/v1/alerts/stream");
        AlertingWriter writer = new AlertingWriter(board.clauseIds().get(Fixture.CLAUSES - 2), fixture.partyIds.get(0));
        int writes = Math.max(3, scale.roundTrips() / 10);

        say("P7: 1 client on the alert stream, beside a plain Kafka consumer...");
        Latencies one = new Latencies();
        Latencies consumer = new Latencies();
        try (SseClients single = new SseClients(stream, api.token(), 1);
             KafkaProbe probe = new KafkaProbe(stack.kafkaBootstrapServers(), "parley.alerts.v1")) {
            for (int i = 0; i < writes + 3; i++) {
                probe.clear();
                long[] sent = new long[1];
                Latencies target = i >= 3 ? one : new Latencies();
                int got = single.timeOne(() -> {
                    sent[0] = System.nanoTime();
                    writer.write();
                }, target, ALERT_WAIT);
                long arrived = probe.next(ALERT_WAIT);
                if (got != 1) {
                    throw new BenchException("the one stream client did not get the alert within " + ALERT_WAIT.toSeconds() + " s");
                }
                if (i >= 3) {
                    consumer.recordNanos(arrived - sent[0]);
                }
            }
        }

        say("P7: opening " + scale.sseClients() + " clients on one gateway...");
        Latencies many = new Latencies();
        long gatewayPid = launcher.pid("gateway");
        double rss;
        int missing = 0;
        try (SseClients clients = new SseClients(stream, api.token(), scale.sseClients())) {
            for (int i = 0; i < writes + 1; i++) {
                Latencies target = i >= 1 ? many : new Latencies();
                int got = clients.timeOne(writer::write, target, ALERT_WAIT);
                missing += clients.size() - got;
            }
            rss = Tools.rssMiB(gatewayPid);
        }
        double fanOut = many.p99() / one.p99();
        double single = one.p99() / consumer.p99();
        figures.add(new Figure("P7 fan-out", "write → alert at every one of " + String.format("%,d", scale.sseClients())
                + " SSE clients on one gateway, p99", many.describe() + String.format(", %d not delivered in %d s, gateway RSS %.0f MiB",
                missing, ALERT_WAIT.toSeconds(), rss), "1 client: " + one.describe(), fanOut, "≤ 2×", fanOut <= 2 && missing == 0));
        figures.add(new Figure("P7 one client", "write → alert at 1 SSE client, p99", one.describe(),
                "plain Kafka consumer, same writes: " + consumer.describe(), single, "≤ 1.5×", single <= 1.5));
    }

    // ---- plumbing -----------------------------------------------------------------------------------

    private void sql(String database, String... statements) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), stack.databaseUser(), "");
             Statement statement = connection.createStatement()) {
            for (String each : statements) {
                statement.execute(each);
            }
        } catch (SQLException e) {
            throw new BenchException("SQL on " + database + " failed: " + e.getMessage(), e);
        }
    }

    private static Path writeScript(String text) {
        try {
            Path script = Files.createTempFile("parley-bench-", ".sql");
            Files.writeString(script, text);
            script.toFile().deleteOnExit();
            return script;
        } catch (java.io.IOException e) {
            throw new BenchException("no temporary file: " + e.getMessage(), e);
        }
    }

    private static void say(String line) {
        System.out.println(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "  " + line);
    }

    private void close() {
        if (launcher != null) {
            launcher.close();
        }
        if (stack != null) {
            stack.close();
        }
    }
}
