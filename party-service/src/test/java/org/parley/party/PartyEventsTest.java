package org.parley.party;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.devstack.SharedDevStack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.parley.party.Fixtures.createEnvoy;
import static org.parley.party.Fixtures.createParty;
import static org.parley.party.Fixtures.envoy;
import static org.parley.party.Fixtures.newParty;
import static org.parley.party.Fixtures.party;
import static org.parley.party.Fixtures.uniqueSlug;

/**
 * Every change reaches {@code parley.parties.v1} as a CloudEvent, through the outbox and the relay, read back
 * here by a real Kafka consumer with the CloudEvents SDK's deserializer. The tests share the broker, so each
 * looks only at the subjects it created.
 */
@QuarkusTest
class PartyEventsTest {

    private static final String TOPIC = "parley.parties.v1";
    /** A bound on waiting, not a performance claim: on a busy machine the first poll includes joining the group. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static KafkaConsumer<String, CloudEvent> consumer;
    private static final List<ConsumerRecord<String, CloudEvent>> seen = new ArrayList<>();

    @BeforeAll
    static void subscribe() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.connection().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "party-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new CloudEventDeserializer());
        consumer.subscribe(List.of(TOPIC));
    }

    @AfterAll
    static void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    @Test
    void partyRegisteredUpdatedAndRemoved() throws Exception {
        Map<String, Object> body = party(uniqueSlug("ev"), "Eventful", "state", "mediator");
        String id = createParty(body).path("id");
        body.put("conflictRole", "guarantor");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/api/v1/parties/" + id).then().statusCode(200);
        given().delete("/api/v1/parties/" + id).then().statusCode(204);

        List<ConsumerRecord<String, CloudEvent>> events = awaitEvents(id, 3);
        assertEquals(List.of("org.parley.party.registered.v1", "org.parley.party.updated.v1", "org.parley.party.removed.v1"), types(events));
        for (ConsumerRecord<String, CloudEvent> event : events) {
            assertEquals(id, event.key(), "key is the party id");
            assertEquals("parley/party-service", event.value().getSource().toString());
        }
        assertEquals(body.get("slug"), data(events.get(0)).at("/party/slug").asText());
        assertEquals("guarantor", data(events.get(1)).at("/party/conflictRole").asText());
        assertEquals(body.get("slug"), data(events.get(2)).get("slug").asText());
    }

    @Test
    void envoyAppointedUpdatedAndMandateEnded() throws Exception {
        UUID partyId = newParty();
        Map<String, Object> body = envoy(partyId, "Kirill Dmitriev", List.of(), "special_envoy", "2025-02-01", null);
        String id = createEnvoy(body).path("id");
        body.put("aliases", List.of("K. Dmitriev"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/api/v1/envoys/" + id).then().statusCode(200);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("endedOn", "2025-12-31"))
                .post("/api/v1/envoys/" + id + "/mandate-end").then().statusCode(200);

        List<ConsumerRecord<String, CloudEvent>> events = awaitEvents(id, 3);
        assertEquals(List.of("org.parley.envoy.appointed.v1", "org.parley.envoy.updated.v1", "org.parley.envoy.mandate-ended.v1"), types(events));
        for (ConsumerRecord<String, CloudEvent> event : events) {
            assertEquals(partyId.toString(), event.key(), "key is the envoy's party id");
            assertEquals("parley/party-service", event.value().getSource().toString());
        }
        assertEquals("special_envoy", data(events.get(0)).at("/envoy/role").asText());
        assertEquals("K. Dmitriev", data(events.get(1)).at("/envoy/aliases/0").asText());
        assertEquals("2025-12-31", data(events.get(2)).at("/envoy/mandateTo").asText());
    }

    @Test
    void aRefusedWriteEmitsNothing() throws Exception {
        Map<String, Object> body = party(uniqueSlug("quiet"));
        String id = createParty(body).path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"9\"").body(body).put("/api/v1/parties/" + id).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/api/v1/parties/" + id).then().statusCode(200);
        // The registration arrives; had the refused or the no-op update written an event, it would be in the same partition right behind it.
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(party(uniqueSlug("quiet2"))).put("/api/v1/parties/" + id).then().statusCode(200);
        List<ConsumerRecord<String, CloudEvent>> events = awaitEvents(id, 2);
        assertEquals(List.of("org.parley.party.registered.v1", "org.parley.party.updated.v1"), types(events));
    }

    /** The events with this subject, in the order the broker holds them, once {@code count} have arrived. */
    private static List<ConsumerRecord<String, CloudEvent>> awaitEvents(String subject, int count) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            synchronized (seen) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record);
                }
                List<ConsumerRecord<String, CloudEvent>> mine = seen.stream().filter(r -> subject.equals(r.value().getSubject())).toList();
                if (mine.size() >= count) {
                    return mine;
                }
                if (Instant.now().isAfter(deadline)) {
                    fail("Expected " + count + " events with subject " + subject + " on " + TOPIC + ", got " + types(mine));
                }
            }
        }
    }

    private static List<String> types(List<ConsumerRecord<String, CloudEvent>> events) {
        return events.stream().map(event -> event.value().getType()).toList();
    }

    private static JsonNode data(ConsumerRecord<String, CloudEvent> event) throws Exception {
        return new ObjectMapper().readTree(event.value().getData().toBytes());
    }
}
