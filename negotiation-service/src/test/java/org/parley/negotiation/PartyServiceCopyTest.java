package org.parley.negotiation;

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
import org.parley.devstack.ParleyServices;
import org.parley.devstack.ServiceLauncher;
import org.parley.devstack.SharedDevStack;
import org.parley.events.Topic;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.parley.negotiation.Fixtures.count;
import static org.parley.negotiation.Fixtures.negotiationBody;
import static org.parley.negotiation.Fixtures.post;

/**
 * The party copy built from events published by the real party-service: the packaged application runs as a
 * child JVM against the same dev stack (its own database, the same Kafka), and is driven through its HTTP API.
 */
@QuarkusTest
class PartyServiceCopyTest {

    /** The checkout; party-service is packaged before this module's tests in the reactor build (see the root pom's module order). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static ServiceLauncher launcher;
    static String partyService;

    @BeforeAll
    static void startPartyService() throws Exception {
        SharedDevStack.Connection stack = SharedDevStack.connection();
        createDatabase(stack, "party");
        launcher = new ServiceLauncher(Path.of("target", "party-service-logs"));
        ServiceLauncher.Service service = ParleyServices.packaged(ROOT, "party-service", "party-service", stack.serviceEnvironment("party"));
        launcher.startAll(List.of(service));
        partyService = service.url();
    }

    @AfterAll
    static void stopPartyService() {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void aPartyCreatedThereTakesPartHereAndItsReplayedEventChangesNothing() {
        String slug = "ua" + UUID.randomUUID().toString().substring(0, 6);
        String id = given().baseUri(partyService).contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Ukraine", "kind", "state", "isoCode", "UA", "conflictRole", "belligerent"))
                .when().post("/api/v1/parties").then().statusCode(201).extract().path("id");
        UUID party = UUID.fromString(id);

        // Until the event arrives the party is unknown here (422); then it is accepted as a participant.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        int status;
        do {
            status = post("/api/v1/negotiations", negotiationBody(Map.of(party, "principal"))).extract().statusCode();
            if (status == 201) {
                break;
            }
            assertEquals(422, status, "an unknown party is a 422 until its event is applied");
            sleep(250);
        } while (Instant.now().isBefore(deadline));
        assertEquals(201, status, "party-service's party did not become a negotiation participant within 30 s");

        CloudEvent registered = publishedEvent(id, "org.parley.party.registered.v1");
        assertEquals(1, count("select count(*) from event_inbox where consumer = 'party-copy' and event_id = ?", registered.getId()));
        long appliedAt = count("select extract(epoch from applied_at) * 1000000 from known_party where id = ?", party);
        String name = PartyCopyTest.partyName(party);

        TestKafka.send(Topic.PARTIES, id, registered);
        PartyCopyTest.barrier(party);

        assertEquals(1, count("select count(*) from event_inbox where consumer = 'party-copy' and event_id = ?", registered.getId()));
        assertEquals(appliedAt, count("select extract(epoch from applied_at) * 1000000 from known_party where id = ?", party));
        assertEquals(name, PartyCopyTest.partyName(party));
        assertEquals(1, count("select count(*) from known_party where id = ? and slug = ? and not removed", party, slug));
    }

    /** The CloudEvent party-service published, as a consumer receives it (same id, same data). */
    private static CloudEvent publishedEvent(String subject, String type) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.connection().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        Instant deadline = Instant.now().plusSeconds(30);
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topic.PARTIES.topicName()));
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event = record.value();
                    if (event != null && subject.equals(event.getSubject()) && type.equals(event.getType())) {
                        assertEquals("parley/party-service", event.getSource().toString());
                        assertNotNull(event.getData());
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " for " + subject + " on " + Topic.PARTIES.topicName());
    }

    private static void createDatabase(SharedDevStack.Connection stack, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (r.next()) {
                    return;
                }
            }
            s.execute("create database " + name);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
