package org.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.devstack.ParleyServices;
import org.parley.devstack.ServiceLauncher;
import org.parley.devstack.SharedDevStack;
import org.parley.events.Topic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parley scales out: two negotiation-service instances and two gateways run at once against one PostgreSQL
 * and one Kafka (the dev stack), each gateway routing to its own negotiation-service. Writes go through both
 * gateways at once; then every event is on Kafka exactly once, every alert was raised exactly once (the ones
 * raised by the party-copy consumer included, whose group the two instances share), and both gateways'
 * live streams delivered the same alerts, each once.
 */
class ScaleOutTest {

    private static final int NEGOTIATIONS = 8;
    private static final int INCIDENTS_EACH = 3;
    private static final int MEETINGS_EACH = 2;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static ServiceLauncher launcher;
    private static SharedDevStack.Connection stack;
    private static List<String> gateways;
    private static final List<AlertStream> streams = new ArrayList<>();

    @BeforeAll
    static void launchTwoOfEach() {
        stack = SharedDevStack.connection();
        launcher = new ServiceLauncher(Path.of("target", "scale-out").toAbsolutePath());
        ServiceLauncher.Service party = service("party-service", "party-service", stack.serviceEnvironment("party"));
        ServiceLauncher.Service negotiationA = service("negotiation-service", "negotiation-service-a", stack.serviceEnvironment("negotiation"));
        ServiceLauncher.Service negotiationB = service("negotiation-service", "negotiation-service-b", stack.serviceEnvironment("negotiation"));
        ServiceLauncher.Service gatewayA = service("gateway", "gateway-a", gatewayEnvironment(party, negotiationA));
        ServiceLauncher.Service gatewayB = service("gateway", "gateway-b", gatewayEnvironment(party, negotiationB));
        // The services first, then the gateways: five JVMs starting at once on a busy two-core machine can
        // take longer than the launcher waits for one.
        launcher.startAll(List.of(party, negotiationA, negotiationB));
        launcher.startAll(List.of(gatewayA, gatewayB));
        gateways = List.of(gatewayA.url(), gatewayB.url());
        gateways.forEach(g -> streams.add(AlertStream.open(g)));
    }

    @AfterAll
    static void stop() {
        streams.forEach(AlertStream::close);
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void writesThroughBothGatewaysArePublishedOnceAndAlertedOnce() throws Exception {
        // Two principals, registered through different gateways.
        String russia = id(send(0, "POST", "/api/v1/parties", Map.of("slug", "scale-ru", "name", "Russia (scale test)", "kind", "state", "conflictRole", "belligerent")));
        String ukraine = id(send(1, "POST", "/api/v1/parties", Map.of("slug", "scale-ua", "name", "Ukraine (scale test)", "kind", "state", "conflictRole", "belligerent")));

        // Negotiations alternate between the gateways (and so between the negotiation-service instances). The
        // first waits until negotiation-service's copy of the parties has caught up with party-service.
        List<String> negotiations = Collections.synchronizedList(new ArrayList<>());
        negotiations.add(id(eventually(() -> send(0, "POST", "/api/v1/negotiations", negotiation(0, russia, ukraine)))));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            all(pool, IntStream.range(1, NEGOTIATIONS).mapToObj(i -> (Supplier<Object>) () ->
                    negotiations.add(id(send(i % 2, "POST", "/api/v1/negotiations", negotiation(i, russia, ukraine))))).toList());

            // The load: incidents with civilians killed and scheduled meetings, all at once through both gateways.
            List<Supplier<Object>> writes = new ArrayList<>();
            for (int n = 0; n < NEGOTIATIONS; n++) {
                String negotiation = negotiations.get(n);
                for (int i = 0; i < INCIDENTS_EACH; i++) {
                    int via = (n + i) % 2;
                    writes.add(() -> send(via, "POST", "/api/v1/incidents", Map.of("negotiationId", negotiation, "kind", "missile_strike",
                            "place", Map.of("city", "Kryvyi Rih"), "casualties", Map.of("killed", 2, "civilian", true),
                            "sources", List.of(Map.of("publication", "scale test")))));
                }
                for (int m = 0; m < MEETINGS_EACH; m++) {
                    int via = (n + m + 1) % 2;
                    writes.add(() -> send(via, "POST", "/api/v1/meetings", Map.of("negotiationId", negotiation, "title", "Round " + via,
                            "format", "in_person", "status", "scheduled", "sources", List.of(Map.of("publication", "scale test")))));
                }
            }
            all(pool, writes);
        } finally {
            pool.shutdown();
        }
        // An envoy for each party: the party-copy consumer (one group, two instances) raises one alert per
        // active negotiation of that party.
        send(0, "POST", "/api/v1/envoys", Map.of("fullName", "Envoy of Russia", "partyId", russia, "role", "special_envoy"));
        send(1, "POST", "/api/v1/envoys", Map.of("fullName", "Envoy of Ukraine", "partyId", ukraine, "role", "chief_negotiator"));

        Map<String, Integer> expectedRules = new TreeMap<>(Map.of(
                "civilians_killed", NEGOTIATIONS * INCIDENTS_EACH,
                "meeting_scheduled", NEGOTIATIONS * MEETINGS_EACH,
                "envoy_appointed", NEGOTIATIONS * 2));
        int expectedAlerts = expectedRules.values().stream().mapToInt(Integer::intValue).sum();

        // Every alert raised once: stored once per rule and cause, whichever instance served the write.
        List<JsonNode> alerts = awaitValue(() -> {
            List<JsonNode> listed = listAlerts();
            return listed.size() >= expectedAlerts ? listed : null;
        }, "alerts listed");
        Map<String, Integer> byRule = new TreeMap<>();
        alerts.forEach(a -> byRule.merge(a.path("rule").asText(), 1, Integer::sum));
        assertEquals(expectedRules, byRule);
        Set<String> alertIds = alerts.stream().map(a -> a.path("id").asText()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expectedAlerts, alertIds.size());

        // Every event published once: each outbox row of both services is on Kafka, none twice.
        Set<String> outbox = new TreeSet<>(outboxIds("party"));
        outbox.addAll(outboxIds("negotiation"));
        Map<String, Integer> published = awaitValue(() -> {
            Map<String, Integer> seen = publishedEventIds();
            return seen.keySet().containsAll(outbox) ? seen : null;
        }, "every outbox row on Kafka");
        assertEquals(outbox, published.keySet(), "Kafka holds exactly the events the services wrote");
        assertEquals(Map.of(), published.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "events published more than once");

        // Both gateways' live streams agree: each delivered every alert, once.
        for (AlertStream stream : streams) {
            awaitValue(() -> stream.alertIds().size() >= expectedAlerts ? true : null, "alerts streamed by " + stream.gateway);
            List<String> delivered = stream.alertIds();
            assertEquals(alertIds, new TreeSet<>(delivered), stream.gateway + " streamed other alerts than those raised");
            assertEquals(delivered.size(), new TreeSet<>(delivered).size(), stream.gateway + " streamed an alert twice");
        }
    }

    // --- HTTP through the gateways: the one place where every request is made ---

    /** Sends a request through gateway {@code via} (0 or 1) and returns the response body; fails on a non-2xx. */
    private static JsonNode send(int via, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateways.get(via) + path))
                    .timeout(Duration.ofSeconds(90))
                    .header("Accept", "application/json");
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            authorize(request);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new RequestFailed(method + " " + path + " via " + gateways.get(via) + ": " + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RequestFailed(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailed("interrupted", e);
        }
    }

    /** Every call carries a token from the dev issuer the launched services trust (admin: parties and envoys too). */
    private static void authorize(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + SharedDevStack.tokens().token("admin"));
    }

    private static List<JsonNode> listAlerts() {
        List<JsonNode> alerts = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = send(0, "GET", "/api/v1/alerts?size=200" + (token == null ? "" : "&page_token=" + token), null);
            page.path("items").forEach(alerts::add);
            token = page.path("next_page_token").isTextual() ? page.path("next_page_token").asText() : null;
        } while (token != null);
        return alerts;
    }

    private static Map<String, Object> negotiation(int i, String russia, String ukraine) {
        return Map.of("title", "Scale-out talks " + i, "parties",
                List.of(Map.of("partyId", russia, "role", "principal"), Map.of("partyId", ukraine, "role", "principal")));
    }

    private static String id(JsonNode created) {
        return created.path("id").asText();
    }

    // --- what reached Kafka and what the services wrote ---

    /** The CloudEvents id of every record on Parley's topics, with how many times it is there. */
    private static Map<String, Integer> publishedEventIds() {
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = Arrays.stream(Topic.values())
                    .flatMap(t -> IntStream.range(0, t.partitions()).mapToObj(p -> new TopicPartition(t.topicName(), p))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(20);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    ids.merge(id == null ? "no ce_id at " + record.topic() + "@" + record.offset() : new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                }
            }
        }
        return ids;
    }

    private static List<String> outboxIds(String database) {
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "");
             ResultSet rows = db.createStatement().executeQuery("SELECT id FROM event_outbox")) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the live alert stream of one gateway ---

    /** A client of GET /api/v1/alerts/stream, collecting the alert ids it is sent. */
    private static final class AlertStream {

        final String gateway;
        private final List<String> alertIds = Collections.synchronizedList(new ArrayList<>());
        private CompletableFuture<?> reading;

        private AlertStream(String gateway) {
            this.gateway = gateway;
        }

        static AlertStream open(String gateway) {
            AlertStream stream = new AlertStream(gateway);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/alerts/stream"))
                    .header("Accept", "text/event-stream");
            authorize(request);
            stream.reading = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAcceptAsync(response -> response.body()
                            .filter(line -> line.startsWith("data:"))
                            .forEach(stream::accept));
            return stream;
        }

        private void accept(String line) {
            try {
                alertIds.add(JSON.readTree(line.substring("data:".length()).strip()).path("alertId").asText());
            } catch (IOException e) {
                alertIds.add("unreadable: " + line);
            }
        }

        List<String> alertIds() {
            synchronized (alertIds) {
                return List.copyOf(alertIds);
            }
        }

        void close() {
            if (reading != null) {
                reading.cancel(true);
            }
        }
    }

    // --- small helpers ---

    private static void all(ExecutorService pool, List<Supplier<Object>> tasks) throws Exception {
        List<Future<Object>> futures = tasks.stream().map(t -> pool.submit(t::get)).toList();
        for (Future<Object> future : futures) {
            future.get();
        }
    }

    private static <T> T eventually(Supplier<T> attempt) {
        Instant deadline = Instant.now().plus(SETTLE);
        while (true) {
            try {
                return attempt.get();
            } catch (RequestFailed e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                sleep();
            }
        }
    }

    private static <T> T awaitValue(Supplier<T> probe, String what) {
        Instant deadline = Instant.now().plus(SETTLE);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            sleep();
        }
        throw new AssertionError("Not within " + SETTLE.toSeconds() + " s: " + what);
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class RequestFailed extends RuntimeException {
        RequestFailed(String message) {
            super(message);
        }

        RequestFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // --- launching ---

    private static Map<String, String> gatewayEnvironment(ServiceLauncher.Service party, ServiceLauncher.Service negotiation) {
        Map<String, String> environment = new HashMap<>(stack.gatewayEnvironment(party.url(), negotiation.url()));
        // Five JVMs on a shared build machine answer their first requests slowly; a 504 would say nothing
        // about scaling out.
        environment.put("PARLEY_GATEWAY_PARTY_SERVICE_TIMEOUT", "60s");
        environment.put("PARLEY_GATEWAY_NEGOTIATION_SERVICE_TIMEOUT", "60s");
        return environment;
    }

    private static ServiceLauncher.Service service(String module, String instance, Map<String, String> environment) {
        return ParleyServices.packaged(Checkout.ROOT, module, instance, environment);
    }
}
