package org.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.devstack.SharedDevStack;
import org.parley.events.CloudEventCodec;
import org.parley.events.Topic;
import org.parley.events.alert.AlertRaised;
import org.parley.gateway.service.AlertStreamHub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live alert stream end to end: alerts published to the real {@code parley.alerts.v1} as CloudEvents
 * reach SSE clients of the gateway, filtered, resumable, and a client that does not read is dropped
 * without holding up one that does.
 */
@QuarkusTest
class AlertStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CloudEventCodec CODEC = new CloudEventCodec("parley/negotiation-service", JSON);
    private static KafkaProducer<String, CloudEvent> producer;

    @TestHTTPResource("/api/v1/alerts/stream")
    URL stream;

    @Inject
    AlertStreamHub hub;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.connection().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new CloudEventSerializer());
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @BeforeEach
    void gatewayReadsTheTopic() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!hub.isReading()) {
            assertTrue(System.nanoTime() < deadline, "the gateway did not start reading parley.alerts.v1");
            Thread.sleep(100);
        }
    }

    @Test
    void aClientReceivesAlertsPublishedAfterItConnectedWithItsFilters() throws Exception {
        UUID kremlinTalks = UUID.randomUUID();
        UUID otherTalks = UUID.randomUUID();
        UUID russia = UUID.randomUUID();
        try (AlertStreamTestClient everything = AlertStreamTestClient.connect(uri(""), null);
             AlertStreamTestClient kremlinOnly = AlertStreamTestClient.connect(uri("?negotiation=" + kremlinTalks), null);
             AlertStreamTestClient warningsAboutRussia = AlertStreamTestClient.connect(uri("?party=" + russia + "&severity=warning"), null)) {
            UUID meetingHeld = publish(kremlinTalks, "info", List.of(russia), "Meeting in Moscow held");
            UUID rejected = publish(otherTalks, "warning", List.of(russia), "Russia rejected clause 7 (Territory) of the U.S. peace proposal v1");
            UUID unrelated = publish(otherTalks, "critical", List.of(UUID.randomUUID()), "Incident in Kherson: 2 civilians killed");

            List<AlertStreamTestClient.Event> all = everything.next(3, WAIT);
            assertEquals(List.of(meetingHeld, rejected, unrelated).stream().sorted().toList(),
                    all.stream().map(AlertStreamTest::alertId).sorted().toList());
            for (AlertStreamTestClient.Event event : all) {
                assertEquals("alert", event.type());
                assertNotNull(event.id());
            }
            JsonNode meeting = all.stream().filter(e -> alertId(e).equals(meetingHeld)).map(AlertStreamTest::json).findFirst().orElseThrow();
            assertEquals("Meeting in Moscow held", meeting.path("summary").asText());
            assertEquals(kremlinTalks.toString(), meeting.path("negotiationId").asText());

            assertEquals(meetingHeld, alertId(kremlinOnly.next(WAIT)));
            assertEquals(rejected, alertId(warningsAboutRussia.next(WAIT)));
            kremlinOnly.assertNothingWithin(Duration.ofMillis(300));
            warningsAboutRussia.assertNothingWithin(Duration.ofMillis(300));
        }
    }

    @Test
    void aReconnectWithLastEventIdResumesWithoutGapOrDuplicate() throws Exception {
        UUID talks = UUID.randomUUID();
        UUID first;
        String lastEventId;
        try (AlertStreamTestClient client = AlertStreamTestClient.connect(uri("?negotiation=" + talks), null)) {
            first = publish(talks, "notice", List.of(), "Proposal v1 tabled");
            assertEquals(first, alertId(client.next(WAIT)));
            lastEventId = client.lastEventId();
        }
        // Published while the client is away, and one for another negotiation that its filter leaves out.
        UUID second = publish(talks, "warning", List.of(), "Consensus lost on clause 3");
        publish(UUID.randomUUID(), "warning", List.of(), "Elsewhere");
        UUID third = publish(talks, "info", List.of(), "Meeting in Miami scheduled");

        // As a browser's EventSource reconnects: same URL, Last-Event-ID of the last event it saw.
        try (AlertStreamTestClient client = AlertStreamTestClient.connect(uri("?negotiation=" + talks), lastEventId)) {
            assertEquals(List.of(second, third), client.next(2, WAIT).stream().map(AlertStreamTest::alertId).toList());
            UUID fourth = publish(talks, "info", List.of(), "Meeting in Miami held");
            assertEquals(fourth, alertId(client.next(WAIT)));
            client.assertNothingWithin(Duration.ofMillis(300));
            lastEventId = client.lastEventId();
        }
        try (AlertStreamTestClient client = AlertStreamTestClient.connect(uri("?negotiation=" + talks), lastEventId)) {
            client.assertNothingWithin(Duration.ofMillis(500));
        }
    }

    @Test
    void anIdleStreamGetsKeepAliveComments() throws Exception {
        try (AlertStreamTestClient idle = AlertStreamTestClient.connect(uri("?negotiation=" + UUID.randomUUID()), null)) {
            idle.awaitComment("keep-alive", WAIT);
            idle.awaitComment("keep-alive", WAIT);
            assertFalse(idle.ended());
        }
    }

    @Test
    void badFiltersAndPositionsAreProblems() {
        given().queryParam("severity", "urgent").when().get(stream)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("severity"))
                .body("detail", containsString("info, notice, warning, critical"));
        given().queryParam("negotiation", "kremlin").when().get(stream)
                .then().statusCode(400).body("violations[0].field", equalTo("negotiation"));
        given().header("Last-Event-ID", "not-a-position").when().get(stream)
                .then().statusCode(400).body("violations[0].field", equalTo("Last-Event-ID"));
    }

    @Test
    void aClientThatDoesNotReadIsDisconnectedWhileAnotherReceivesEverything() throws Exception {
        UUID talks = UUID.randomUUID();
        double slowBefore = hub.slowDisconnects();
        try (Socket stalled = stalledClient();
             AlertStreamTestClient reader = AlertStreamTestClient.connect(uri("?negotiation=" + talks), null)) {
            // Big alerts fill the stalled client's socket buffers and then its queue; batch by batch, so the
            // reader is never behind by more than one batch. Bounded: a few times what the buffers can hold.
            String padding = "x".repeat(16 * 1024);
            List<UUID> published = new ArrayList<>();
            List<UUID> received = new ArrayList<>();
            for (int batch = 0; batch < 40 && hub.slowDisconnects() == slowBefore; batch++) {
                List<UUID> sent = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    sent.add(publishAsync(talks, "info", List.of(), "Bulk " + i + " " + padding));
                }
                producer.flush();
                published.addAll(sent);
                reader.next(sent.size(), WAIT).forEach(event -> received.add(alertId(event)));
            }
            assertEquals(slowBefore + 1, hub.slowDisconnects(), "the stalled client was never disconnected");
            assertEquals(published, received);
            assertTrue(serverClosed(stalled), "the gateway kept the stalled client's connection open");
            UUID after = publish(talks, "info", List.of(), "After the stalled client left");
            assertEquals(after, alertId(reader.next(WAIT)));
        }
    }

    @Test
    void aChangeInNegotiationServiceReachesABrowserThroughTheGateway() throws Exception {
        // The real party-service and negotiation-service run behind this gateway (ParleyServicesResource).
        String sponsor = party("United States");
        String russia = party("Russia");
        String talks = createOnceTheCopyKnows(Map.of(
                "title", "Peace talks " + UUID.randomUUID(), "status", "active", "startedOn", "2025-11-19",
                "parties", List.of(Map.of("partyId", sponsor, "role", "mediator"), Map.of("partyId", russia, "role", "principal"))));
        String proposal = given().contentType("application/json").body(Map.of(
                        "negotiationId", talks, "title", "U.S. peace proposal", "sponsorPartyId", sponsor, "version", 1, "status", "tabled",
                        "sources", List.of(Map.of("publication", "Reuters", "publishedOn", "2025-11-21"))))
                .when().post("/api/v1/proposals").then().statusCode(201).extract().path("id");

        try (AlertStreamTestClient browser = AlertStreamTestClient.connect(uri("?negotiation=" + talks), null)) {
            String etag = given().when().get("/api/v1/proposals/" + proposal).then().statusCode(200).extract().header("ETag");
            given().contentType("application/json").header("If-Match", etag).body(Map.of("status", "under_negotiation"))
                    .when().post("/api/v1/proposals/" + proposal + "/status").then().statusCode(200);

            AlertStreamTestClient.Event event = browser.next(WAIT);
            JsonNode alert = json(event);
            assertEquals("proposal_status_changed", alert.path("rule").asText());
            assertEquals("notice", alert.path("severity").asText());
            assertEquals("The U.S. peace proposal v1 moved from tabled to under negotiation", alert.path("summary").asText());
            // The same alert is in the history, under the id the stream carried.
            given().when().get("/api/v1/alerts/" + alert.path("alertId").asText()).then().statusCode(200)
                    .body("negotiationId", equalTo(talks)).body("rule", equalTo("proposal_status_changed"));
        }
    }

    private static String party(String name) {
        java.util.Random random = new java.util.Random();
        StringBuilder slug = new StringBuilder("t");
        for (int i = 0; i < 8; i++) {
            slug.append((char) ('a' + random.nextInt(26)));
        }
        return given().contentType("application/json")
                .body(Map.of("slug", slug.toString(), "name", name, "kind", "state", "conflictRole", "stakeholder"))
                .when().post("/api/v1/parties").then().statusCode(201).extract().path("id");
    }

    /** negotiation-service learns of new parties from parley.parties.v1; until it has, it answers 422. */
    private static String createOnceTheCopyKnows(Map<String, Object> negotiation) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var response = given().contentType("application/json").body(negotiation).when().post("/api/v1/negotiations").then().extract();
            if (response.statusCode() == 201) {
                return response.path("id");
            }
            assertEquals(422, response.statusCode(), response.asString());
            assertTrue(System.nanoTime() < deadline, "negotiation-service never learnt of the new parties");
            Thread.sleep(200);
        }
    }

    /** Connects with a small receive buffer and never reads. */
    private Socket stalledClient() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(stream.getHost(), stream.getPort()), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + stream.getPath() + " HTTP/1.1\r\nHost: " + stream.getHost() + "\r\nAccept: text/event-stream\r\n"
                + "Authorization: Bearer " + org.parley.devstack.SharedDevStack.tokens().token("viewer") + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static boolean serverClosed(Socket socket) throws IOException {
        socket.setSoTimeout((int) WAIT.toMillis());
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[64 * 1024];
        try {
            while (in.read(chunk) != -1) {
                // drain what was delivered before the close
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    private URI uri(String query) {
        return URI.create(stream + query);
    }

    private UUID publish(UUID negotiation, String severity, List<UUID> parties, String summary) {
        UUID alertId = publishAsync(negotiation, severity, parties, summary);
        producer.flush();
        return alertId;
    }

    private UUID publishAsync(UUID negotiation, String severity, List<UUID> parties, String summary) {
        UUID alertId = UUID.randomUUID();
        AlertRaised alert = new AlertRaised(alertId, negotiation, "test", severity, summary, parties,
                List.of(UUID.randomUUID().toString()), Instant.now());
        // As negotiation-service's outbox relay publishes it: the event-bus codec, binary mode, keyed by negotiation.
        producer.send(new ProducerRecord<>(Topic.ALERTS.topicName(), alert.partitionKey(), CODEC.encode(alert, UUID.randomUUID(), Instant.now())));
        return alertId;
    }

    private static JsonNode json(AlertStreamTestClient.Event event) {
        try {
            return JSON.readTree(event.data());
        } catch (IOException e) {
            throw new AssertionError("data is not JSON: " + event.data(), e);
        }
    }

    private static UUID alertId(AlertStreamTestClient.Event event) {
        return UUID.fromString(json(event).path("alertId").asText());
    }
}
