package org.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.devstack.ParleyServices;
import org.parley.devstack.ServiceLauncher;
import org.parley.devstack.SharedDevStack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bulk export streams in constant memory, end to end: 1,000,000 position changes, loaded straight into
 * PostgreSQL, are exported as NDJSON through a gateway, with both the packaged negotiation-service and the
 * packaged gateway limited to a 64 MiB heap. The body is several times that heap, so a service or a proxy
 * that collected it would die ({@code -XX:+ExitOnOutOfMemoryError}); instead every row arrives, well formed,
 * in order, with its source, and both processes are still ready afterwards.
 */
class ExportMemoryTest {

    private static final int ROWS = 1_000_000;
    private static final String DATABASE = "export_memory";
    /**
     * The launcher starts every service with its own -Xmx; the JVM reads _JAVA_OPTIONS after the command line,
     * so this heap is the one in force (the log shows "Picked up _JAVA_OPTIONS").
     */
    private static final String SMALL_HEAP = "-Xmx64m -XX:+ExitOnOutOfMemoryError";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static ServiceLauncher launcher;
    private static SharedDevStack.Connection stack;
    private static ServiceLauncher.Service negotiationService;
    private static ServiceLauncher.Service gateway;
    private static UUID negotiation;
    private static UUID position;

    @BeforeAll
    static void loadAMillionChangesAndLaunchWithSmallHeaps() throws SQLException {
        stack = SharedDevStack.connection();
        try (Connection admin = DriverManager.getConnection(stack.jdbcUrl("postgres"), "postgres", "");
             Statement create = admin.createStatement()) {
            create.execute("DROP DATABASE IF EXISTS " + DATABASE);
            create.execute("CREATE DATABASE " + DATABASE);
        }
        launcher = new ServiceLauncher(Path.of("target", "export-memory").toAbsolutePath());
        negotiationService = ParleyServices.packaged(Checkout.ROOT, "negotiation-service", "negotiation-service-export",
                smallHeap(stack.serviceEnvironment(DATABASE)));
        launcher.startAll(List.of(negotiationService));
        load();
        // No party route is used here; the gateway is only ready when a ready service answers behind each route,
        // so negotiation-service stands in for party-service rather than a third JVM.
        gateway = ParleyServices.packaged(Checkout.ROOT, "gateway", "gateway-export",
                smallHeap(stack.gatewayEnvironment(negotiationService.url(), negotiationService.url())));
        launcher.startAll(List.of(gateway));
    }

    @AfterAll
    static void stop() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void aMillionRowsStreamThroughTheGatewayWithinSixtyFourMegabytesOfHeap() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway.url() + "/api/v1/export/position-changes?negotiation=" + negotiation))
                .header("Accept", "application/x-ndjson")
                .header("Authorization", "Bearer " + SharedDevStack.tokens().token("viewer"))
                .timeout(Duration.ofMinutes(5))
                .build();
        long started = System.nanoTime();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson"));

        long rows = 0;
        long bytes = 0;
        long previousSequence = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                bytes += line.length() + 1;
                JsonNode row = JSON.readTree(line);
                long sequence = row.path("sequence").asLong();
                assertTrue(sequence > previousSequence, "rows in the order recorded, at row " + rows);
                previousSequence = sequence;
                assertEquals(position.toString(), row.path("positionId").asText());
                assertEquals("https://example.org/report/" + row.path("note").asText(), row.path("sources").path(0).path("url").asText());
                rows++;
            }
        }
        System.out.printf("ExportMemoryTest: %d rows, %d bytes in %.1f s through the gateway, both heaps capped at 64 MiB%n",
                rows, bytes, (System.nanoTime() - started) / 1e9);
        assertEquals(ROWS, rows);
        assertTrue(bytes > 4L * 64 * 1024 * 1024, "the body (" + bytes + " bytes) is several times the heap");

        for (ServiceLauncher.Service service : List.of(negotiationService, gateway)) {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), service.name() + " is still up");
            String log = Files.readString(launcher.log(service.name()), StandardCharsets.ISO_8859_1);
            assertTrue(log.contains("Picked up _JAVA_OPTIONS: " + SMALL_HEAP), service.name() + " ran with the small heap");
            assertFalse(log.contains("java.lang.OutOfMemoryError"), service.name() + " ran out of memory");
        }
    }

    private static Map<String, String> smallHeap(Map<String, String> environment) {
        Map<String, String> withHeap = new HashMap<>(environment);
        withHeap.put("_JAVA_OPTIONS", SMALL_HEAP);
        return withHeap;
    }

    /** One clause-level position and a million changes of it, by SQL (enums as Hibernate stores them: their names). */
    private static void load() throws SQLException {
        negotiation = UUID.randomUUID();
        UUID proposal = UUID.randomUUID();
        UUID clause = UUID.randomUUID();
        UUID party = UUID.randomUUID();
        position = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(DATABASE), "postgres", "")) {
            run(db, "insert into negotiation (id, title, status, created_at, updated_at, version) values (?, 'Export test', 'ACTIVE', now(), now(), 0)", negotiation);
            run(db, "insert into negotiation_party (negotiation_id, party_id, role) values (?, ?, 'PRINCIPAL')", negotiation, party);
            run(db, "insert into proposal (id, negotiation_id, title, sponsor_party_id, document_version, status, created_at, updated_at, version)"
                    + " values (?, ?, 'Plan', ?, 1, 'TABLED', now(), now(), 0)", proposal, negotiation, party);
            run(db, "insert into clause (id, proposal_id, ordinal, label, topic, created_at, updated_at, version)"
                    + " values (?, ?, 1, '1', 'CEASEFIRE', now(), now(), 0)", clause, proposal);
            run(db, "insert into party_position (id, negotiation_id, proposal_id, clause_id, party_id, status, sources, recorded_at, recorded_by,"
                    + " created_at, updated_at, version) values (?, ?, ?, ?, ?, 'ACCEPTED', '[]', now(), 'loader', now(), now(), 0)",
                    position, negotiation, proposal, clause, party);
            run(db, "insert into position_change (position_id, status, previous_status, note, sources, recorded_at, recorded_by, created_at)"
                    + " select ?, case when g % 2 = 0 then 'ACCEPTED' else 'CONTESTED' end, case when g % 2 = 0 then 'CONTESTED' else 'ACCEPTED' end,"
                    + " 'change ' || g, jsonb_build_array(jsonb_build_object('publication', 'Reuters', 'url', 'https://example.org/report/change ' || g)),"
                    + " now() - make_interval(secs => " + ROWS + " - g), 'loader', now() from generate_series(1, " + ROWS + ") g", position);
            run(db, "analyze position_change");
        }
    }

    private static void run(Connection db, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
        }
    }
}
