package org.parley.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.devstack.SharedDevStack;
import org.parley.events.CloudEventCodec;
import org.parley.events.EventCatalog;
import org.parley.events.Topic;
import org.parley.events.alert.AlertRaised;
import org.parley.events.party.EnvoyAppointed;
import org.parley.events.party.EnvoyData;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.negotiation.Fixtures.SOURCE;
import static org.parley.negotiation.Fixtures.count;
import static org.parley.negotiation.Fixtures.etag;
import static org.parley.negotiation.Fixtures.post;
import static org.parley.negotiation.Fixtures.put;
import static org.parley.negotiation.Fixtures.sql;

/**
 * Each alert rule through the service's own API, on real PostgreSQL and Kafka: a triggering change raises
 * exactly one stored alert, a change that changes nothing raises none, and alerts reach parley.alerts.v1.
 */
@QuarkusTest
class AlertApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private UUID russia;
    private UUID ukraine;
    private UUID unitedStates;
    private UUID talks;

    @BeforeEach
    void negotiation() {
        russia = party("Russia");
        ukraine = party("Ukraine");
        unitedStates = party("United States");
        talks = Fixtures.negotiation(Map.of(russia, "principal", ukraine, "principal", unitedStates, "mediator"));
    }

    @Test
    void positionRulesAndConsensusReachedThenLost() {
        UUID proposal = proposal("U.S. peace proposal", "tabled");
        UUID territory = clause(proposal, "7", "Territory");
        String russiaOnTerritory = "/api/v1/clauses/" + territory + "/positions/" + russia;
        String ukraineOnTerritory = "/api/v1/clauses/" + territory + "/positions/" + ukraine;

        stance(russiaOnTerritory, "rejected", "Unacceptable");
        assertEquals(List.of("position_rejected"), rules());
        JsonNode rejected = alerts().get(0);
        assertEquals("warning", rejected.path("severity").asText());
        assertEquals("Russia rejected clause 7 (Territory) of the U.S. peace proposal v1", rejected.path("summary").asText());
        assertEquals(List.of(russia.toString()), texts(rejected.path("partyIds")));
        assertEquals(1, rejected.path("causeEventIds").size());
        assertEquals("position", rejected.path("causes").get(0).path("kind").asText());

        // The same status again, with a new note: no news.
        stance(russiaOnTerritory, "rejected", "Still unacceptable, says Ushakov");
        assertEquals(List.of("position_rejected"), rules());

        stance(russiaOnTerritory, "accepted", "Agreed in Moscow");
        assertEquals(List.of("position_rejected", "position_no_longer_rejected"), rules());

        stance(ukraineOnTerritory, "accepted_with_reservations", "With security guarantees");
        assertEquals("clause_consensus_reached", rules().get(2));
        JsonNode reached = alerts().get(2);
        assertEquals("notice", reached.path("severity").asText());
        assertEquals("Consensus on clause 7 (Territory) of the U.S. peace proposal v1: Russia and Ukraine accept it (Ukraine with reservations)",
                reached.path("summary").asText());

        stance(ukraineOnTerritory, "contested", "Not without guarantees");
        assertEquals(List.of("position_rejected", "position_no_longer_rejected", "clause_consensus_reached", "clause_consensus_lost"), rules());
        assertEquals("Consensus lost on clause 7 (Territory) of the U.S. peace proposal v1: Ukraine now contests it",
                alerts().get(3).path("summary").asText());

        // The alert and its AlertRaised were written in the change's transaction, next to its own event.
        String alertId = rejected.path("id").asText();
        assertEquals(1, count("select count(*) from event_outbox where topic = ? and subject = ?", Topic.ALERTS.topicName(), alertId));
        assertEquals(1, count("select count(*) from event_outbox where id = ?::uuid", rejected.path("causeEventIds").get(0).asText()));
    }

    @Test
    void principalsMovingAtOnceRaiseOneConsensusAlertNotNoneOrTwo() throws Exception {
        UUID proposal = proposal("U.S. peace proposal", "tabled");
        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                UUID clause = clause(proposal, String.valueOf(round + 1), "Ceasefire");
                String russiaOn = "/api/v1/clauses/" + clause + "/positions/" + russia;
                String ukraineOn = "/api/v1/clauses/" + clause + "/positions/" + ukraine;
                stance(russiaOn, "under_review", null);
                stance(ukraineOn, "under_review", null);
                atOnce(both, () -> stance(russiaOn, "accepted", null), () -> stance(ukraineOn, "accepted", null));
                atOnce(both, () -> stance(russiaOn, "contested", null), () -> stance(ukraineOn, "contested", null));
                String about = clause.toString();
                List<String> consensus = alerts().stream()
                        .filter(a -> a.path("causes").get(0).path("id").asText().equals(about))
                        .map(a -> a.path("rule").asText()).toList();
                assertEquals(List.of("clause_consensus_reached", "clause_consensus_lost"), consensus, "clause " + (round + 1));
            }
        } finally {
            both.shutdownNow();
        }
    }

    private static void atOnce(java.util.concurrent.ExecutorService pool, Runnable first, Runnable second) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        var a = pool.submit(() -> {
            start.await();
            first.run();
            return null;
        });
        var b = pool.submit(() -> {
            start.await();
            second.run();
            return null;
        });
        a.get();
        b.get();
    }

    @Test
    void proposalAndMeetingRules() {
        UUID proposal = proposal("U.S. peace proposal", "tabled");
        proposalStatus(proposal, "under_negotiation");
        proposalStatus(proposal, "rejected");
        assertEquals(List.of("proposal_status_changed", "proposal_rejected"), rules());
        assertEquals("The U.S. peace proposal v1 moved from tabled to under negotiation", alerts().get(0).path("summary").asText());
        assertEquals("warning", alerts().get(1).path("severity").asText());

        String miami = meeting("scheduled");
        assertEquals("meeting_scheduled", last().path("rule").asText());
        assertEquals("Meeting scheduled: Umerov meets Witkoff and Kushner (4 Dec 2025, Miami)", last().path("summary").asText());
        meetingStatus(miami, "postponed");
        meetingStatus(miami, "scheduled");
        meetingStatus(miami, "held");
        String geneva = meeting("scheduled");
        meetingStatus(geneva, "cancelled");
        assertEquals(List.of("proposal_status_changed", "proposal_rejected", "meeting_scheduled", "meeting_postponed", "meeting_scheduled",
                "meeting_held", "meeting_scheduled", "meeting_cancelled"), rules());
        assertEquals("notice", last().path("severity").asText());
        assertEquals("info", alerts().get(5).path("severity").asText());
    }

    @Test
    void civilianCasualtiesAreCriticalWhenSomeoneWasKilled() {
        incident(Map.of("killed", 3, "injured", 12, "childrenKilled", 1, "civilian", true));
        incident(Map.of("injured", 6, "childrenInjured", 1));
        incident(Map.of("killed", 2, "civilian", false));
        assertEquals(List.of("civilians_killed", "civilians_injured"), rules());
        assertEquals("critical", alerts().get(0).path("severity").asText());
        assertEquals("Missile strike in Kryvyi Rih, Dnipropetrovsk: 3 civilians killed (including 1 child), 12 injured; attributed to Russia",
                alerts().get(0).path("summary").asText());
        assertEquals("warning", alerts().get(1).path("severity").asText());
    }

    @Test
    void envoysAppointedOrReplacedArriveFromPartyService() throws Exception {
        UUID yermak = UUID.randomUUID();
        sql("insert into known_envoy (id, party_id, full_name, role, mandate_from, mandate_to, source_updated_at) values (?, ?, ?, ?, ?, ?, ?)",
                yermak, ukraine, "Andriy Yermak", "chief_negotiator", LocalDate.parse("2025-11-01"), LocalDate.parse("2025-11-28"),
                java.sql.Timestamp.from(Instant.now()));
        EnvoyAppointed witkoff = new EnvoyAppointed(envoy(unitedStates, "Steve Witkoff", "special_envoy"));
        EnvoyAppointed umerov = new EnvoyAppointed(envoy(ukraine, "Rustem Umerov", "chief_negotiator"));
        UUID witkoffEventId = UUID.randomUUID();
        try (KafkaProducer<String, CloudEvent> producer = producer()) {
            CloudEventCodec codec = new CloudEventCodec("parley/party-service", JSON);
            producer.send(new ProducerRecord<>(Topic.PARTIES.topicName(), witkoff.partitionKey(), codec.encode(witkoff, witkoffEventId, Instant.now())));
            // Kafka delivers at least once: the same event again must not raise a second alert.
            producer.send(new ProducerRecord<>(Topic.PARTIES.topicName(), witkoff.partitionKey(), codec.encode(witkoff, witkoffEventId, Instant.now())));
            producer.send(new ProducerRecord<>(Topic.PARTIES.topicName(), umerov.partitionKey(), codec.encode(umerov, UUID.randomUUID(), Instant.now())));
        }
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (rules().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(List.of("envoy_appointed", "envoy_replaced"), rules().stream().sorted().toList());
        JsonNode replaced = alerts().stream().filter(a -> a.path("rule").asText().equals("envoy_replaced")).findFirst().orElseThrow();
        assertEquals("Rustem Umerov replaces Andriy Yermak as chief negotiator of Ukraine", replaced.path("summary").asText());
        JsonNode appointed = alerts().stream().filter(a -> a.path("rule").asText().equals("envoy_appointed")).findFirst().orElseThrow();
        assertEquals("Steve Witkoff appointed special envoy of United States", appointed.path("summary").asText());
        assertEquals(List.of(witkoffEventId.toString()), texts(appointed.path("causeEventIds")));
        // Give a duplicate alert time to show up, had the inbox let the redelivered event through.
        Thread.sleep(500);
        assertEquals(2, rules().size());
    }

    @Test
    void theHistoryIsFilteredAndPagedAndEachAlertReadable() {
        UUID proposal = proposal("U.S. peace proposal", "tabled");
        UUID territory = clause(proposal, "7", "Territory");
        stance("/api/v1/clauses/" + territory + "/positions/" + russia, "rejected", null);
        proposalStatus(proposal, "under_negotiation");
        meeting("scheduled");
        assertEquals(3, rules().size());

        given().queryParam("negotiation", talks.toString()).queryParam("severity", "notice").when().get("/api/v1/alerts").then()
                .statusCode(200).body("items.rule", equalTo(List.of("proposal_status_changed", "position_rejected")));
        given().queryParam("negotiation", talks.toString()).queryParam("party", russia.toString()).when().get("/api/v1/alerts").then()
                .body("items.rule", equalTo(List.of("position_rejected")));
        given().queryParam("negotiation", talks.toString()).queryParam("rule", "meeting_scheduled").when().get("/api/v1/alerts").then()
                .body("items", org.hamcrest.Matchers.hasSize(1));
        given().queryParam("negotiation", talks.toString()).queryParam("since", "2099-01-01").when().get("/api/v1/alerts").then()
                .body("items", org.hamcrest.Matchers.empty());
        given().queryParam("negotiation", talks.toString()).queryParam("size", 1).queryParam("page", 1).queryParam("sort", "raisedAt")
                .queryParam("include_total", true).when().get("/api/v1/alerts").then()
                .body("items.rule", equalTo(List.of("proposal_status_changed"))).body("totalSize", equalTo(3)).body("nextPageToken", org.hamcrest.Matchers.notNullValue());
        // updated_since is inclusive here as on every list: the latest alert is raised exactly at the bound and still listed.
        String latest = given().queryParam("negotiation", talks.toString()).queryParam("sort", "-raisedAt").queryParam("size", 1)
                .when().get("/api/v1/alerts").then().statusCode(200).extract().path("items[0].raisedAt");
        given().queryParam("negotiation", talks.toString()).queryParam("updated_since", latest).when().get("/api/v1/alerts").then()
                .statusCode(200).body("items.raisedAt", org.hamcrest.Matchers.hasItem(latest));

        String id = alerts().get(0).path("id").asText();
        given().when().get("/api/v1/alerts/" + id).then().statusCode(200).header("ETag", notNullValue())
                .body("negotiationId", equalTo(talks.toString()));
        given().when().get("/api/v1/alerts/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().queryParam("severity", "urgent").when().get("/api/v1/alerts").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("info, notice, warning, critical"));
        given().queryParam("rule", "nonsense").when().get("/api/v1/alerts").then().statusCode(400).body("detail", containsString("position_rejected"));
        given().queryParam("party", "russia").when().get("/api/v1/alerts").then().statusCode(400);
        given().queryParam("sort", "summary").when().get("/api/v1/alerts").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("sort"))
                .body("violations.message", org.hamcrest.Matchers.hasItem("must be occurredAt, raisedAt or severity, with a leading - for descending order, or changes"));
        given().queryParam("size", 500).when().get("/api/v1/alerts").then().statusCode(400);
    }

    @Test
    void aPlainKafkaConsumerReadsTheAlertAsACloudEvent() {
        UUID proposal = proposal("U.S. peace proposal", "tabled");
        proposalStatus(proposal, "under_negotiation");
        proposalStatus(proposal, "withdrawn");
        JsonNode alert = last();
        String alertId = alert.path("id").asText();

        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.connection().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "alert-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of("parley.alerts.v1"));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event = record.value();
                    if (!alertId.equals(event.getSubject())) {
                        continue;
                    }
                    assertEquals(talks.toString(), record.key());
                    assertEquals(EventCatalog.typeOf(AlertRaised.class), event.getType());
                    assertEquals("org.parley.alert.raised.v1", event.getType());
                    assertEquals("parley/negotiation-service", event.getSource().toString());
                    assertEquals("application/json", event.getDataContentType());
                    JsonNode data = read(event.getData().toBytes());
                    assertEquals(alertId, data.path("alertId").asText());
                    assertEquals("proposal_withdrawn", data.path("rule").asText());
                    assertEquals("warning", data.path("severity").asText());
                    assertEquals(alert.path("summary").asText(), data.path("summary").asText());
                    assertEquals(texts(alert.path("causeEventIds")), texts(data.path("causeEventIds")));
                    return;
                }
            }
        }
        throw new AssertionError("AlertRaised " + alertId + " did not reach parley.alerts.v1 within " + WAIT);
    }

    // ---- the scenario, through the API --------------------------------------------------------------------

    private static UUID party(String name) {
        UUID id = UUID.randomUUID();
        sql("insert into known_party (id, slug, name, kind, source_updated_at) values (?, ?, ?, 'state', ?)",
                id, name.toLowerCase().replace(' ', '-') + "-" + id.toString().substring(0, 8), name, java.sql.Timestamp.from(Instant.now()));
        return id;
    }

    private UUID proposal(String title, String status) {
        Map<String, Object> body = Fixtures.proposalBody(talks, unitedStates, 1, status);
        body.put("title", title);
        return UUID.fromString(post("/api/v1/proposals", body).statusCode(201).extract().path("id"));
    }

    private static UUID clause(UUID proposal, String label, String heading) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", label);
        body.put("heading", heading);
        body.put("text", "Ukraine withdraws from the part of Donetsk it holds");
        body.put("topic", "territory");
        return UUID.fromString(post("/api/v1/proposals/" + proposal + "/clauses", body).statusCode(201).extract().path("id"));
    }

    private static void stance(String path, String status, String note) {
        boolean exists = given().when().get(path).then().extract().statusCode() == 200;
        put(path, exists ? etag(path) : null, Fixtures.stance(status, note)).statusCode(exists ? 200 : 201);
    }

    private static void proposalStatus(UUID proposal, String status) {
        String path = "/api/v1/proposals/" + proposal;
        given().contentType("application/json").header("If-Match", etag(path)).body(Map.of("status", status))
                .when().post(path + "/status").then().statusCode(200);
    }

    private String meeting(String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", talks.toString());
        body.put("title", "Umerov meets Witkoff and Kushner");
        body.put("startsAt", "2025-12-04T15:00:00Z");
        body.put("location", Map.of("city", "Miami"));
        body.put("format", "in_person");
        body.put("status", status);
        body.put("partyIds", List.of(ukraine.toString(), unitedStates.toString()));
        body.put("sources", List.of(SOURCE));
        return post("/api/v1/meetings", body).statusCode(201).extract().path("id");
    }

    private static void meetingStatus(String meeting, String status) {
        String path = "/api/v1/meetings/" + meeting;
        given().contentType("application/json").header("If-Match", etag(path)).body(Map.of("status", status))
                .when().post(path + "/status").then().statusCode(200);
    }

    private void incident(Map<String, Object> casualties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", talks.toString());
        body.put("occurredOn", "2025-12-04");
        body.put("datePrecision", "exact_day");
        body.put("place", Map.of("city", "Kryvyi Rih", "region", "Dnipropetrovsk"));
        body.put("kind", "missile_strike");
        body.put("attributedToPartyId", russia.toString());
        body.put("casualties", casualties);
        body.put("sources", List.of(SOURCE));
        post("/api/v1/incidents", body).statusCode(201);
    }

    private static EnvoyData envoy(UUID party, String name, String role) {
        return new EnvoyData(UUID.randomUUID(), party, name, List.of(), null, role, LocalDate.parse("2025-12-01"), null, Instant.now(), 0);
    }

    private static KafkaProducer<String, CloudEvent> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.connection().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new CloudEventSerializer());
    }

    // ---- reading alerts -----------------------------------------------------------------------------------

    /** This negotiation's alerts, in the order they were raised. */
    private List<JsonNode> alerts() {
        ExtractableResponse<Response> page = given().queryParam("negotiation", talks.toString()).queryParam("sort", "raisedAt")
                .queryParam("size", 200).when().get("/api/v1/alerts").then().statusCode(200).extract();
        List<JsonNode> items = new java.util.ArrayList<>();
        read(page.asByteArray()).path("items").forEach(items::add);
        return items;
    }

    private List<String> rules() {
        return alerts().stream().map(a -> a.path("rule").asText()).toList();
    }

    private JsonNode last() {
        List<JsonNode> all = alerts();
        assertTrue(!all.isEmpty(), "no alert");
        return all.get(all.size() - 1);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
