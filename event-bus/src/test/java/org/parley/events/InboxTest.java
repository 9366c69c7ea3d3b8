package org.parley.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.events.support.Await;
import org.parley.events.support.InboxConsumer;
import org.parley.events.support.LogCapture;
import org.parley.events.support.TestDatabase;
import org.parley.events.support.TestEvents;
import org.parley.events.support.TestKafka;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consuming side: the inbox and {@link EventConsumer}, fed by a plain producer so that each test decides
 * exactly what Kafka delivers, duplicates included.
 */
class InboxTest {

    private static final CloudEventCodec CODEC = new CloudEventCodec("parley/party-service", new ObjectMapper());
    private static final String PARTIES = Topic.PARTIES.topicName();
    private static KafkaProducer<String, CloudEvent> producer;

    @BeforeAll
    static void producer() {
        Map<String, Object> config = TestKafka.producerConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        producer = new KafkaProducer<>(config);
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void markAppliedSaysYesOncePerConsumerAndForgetsARolledBackApplication() throws Exception {
        String event = UUID.randomUUID().toString();
        try (Connection connection = TestDatabase.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            assertTrue(Inbox.markApplied(connection, "party-copy", event));
            connection.rollback();
        }
        boolean[] answers = new boolean[4];
        TestDatabase.inTransaction(connection -> answers[0] = Inbox.markApplied(connection, "party-copy", event));
        TestDatabase.inTransaction(connection -> answers[1] = Inbox.markApplied(connection, "party-copy", event));
        TestDatabase.inTransaction(connection -> answers[2] = Inbox.markApplied(connection, "alert-rules", event));
        TestDatabase.inTransaction(connection -> answers[3] = Inbox.markApplied(connection, "alert-rules", event));

        assertTrue(answers[0], "the rolled-back application left no trace");
        assertFalse(answers[1], "already applied by party-copy");
        assertTrue(answers[2], "another consumer applies it for itself");
        assertFalse(answers[3]);
    }

    @Test
    void aRedeliveredEventIsSkipped() {
        UUID party = UUID.randomUUID();
        CloudEvent event = encode(TestEvents.partyUpdated(party, "Ukraine"));
        CloudEvent next = encode(TestEvents.partyUpdated(party, "Ukraine (renamed)"));
        send(party, event);
        send(party, event); // as Kafka may deliver it again after a producer retry or a consumer restart
        send(party, next);

        try (InboxConsumer consumer = new InboxConsumer("redelivery", List.of(Topic.PARTIES), mine(party)).start()) {
            Await.until("the event after the duplicate to be applied", () -> consumer.effects(next.getId()) == 1);

            assertEquals(2, consumer.deliveries(event.getId()));
            assertEquals(1, consumer.effects(event.getId()));
        }
    }

    @Test
    void aFailingHandlerGetsTheSameEventAgainBeforeAnythingLaterOfItsKey() {
        UUID party = UUID.randomUUID();
        CloudEvent failsFirst = encode(TestEvents.partyUpdated(party, "first"));
        CloudEvent after = encode(TestEvents.partyUpdated(party, "second"));
        send(party, failsFirst);
        send(party, after);

        try (LogCapture log = LogCapture.of(EventConsumer.class);
             InboxConsumer consumer = new InboxConsumer("retry", List.of(Topic.PARTIES), mine(party))
                     .failingOnceFor(event -> event.id().equals(failsFirst.getId()))
                     .start()) {
            Await.until("both events to be applied", () -> consumer.effects() == 2);

            assertEquals(2, consumer.deliveries(failsFirst.getId()));
            assertEquals(List.of(failsFirst.getId(), after.getId()), consumer.appliedOrder());
            assertEquals(1, log.count(Level.WARNING, "failed (attempt 1)"));
        }
    }

    @Test
    void eventsOfAnUnknownTypeAreLoggedOnceAndSkipped() {
        UUID party = UUID.randomUUID();
        CloudEvent known = encode(TestEvents.partyUpdated(party, "Ukraine"));
        for (int i = 0; i < 2; i++) {
            send(party, CloudEventBuilder.v1(encode(TestEvents.partyUpdated(party, "from the future")))
                    .withType("org.parley.party.renamed.v9")
                    .build());
        }
        send(party, known);

        try (LogCapture log = LogCapture.of(EventConsumer.class);
             InboxConsumer consumer = new InboxConsumer("unknown-types", List.of(Topic.PARTIES), mine(party)).start()) {
            Await.until("the known event after them to be applied", () -> consumer.effects(known.getId()) == 1);

            assertEquals(1, consumer.effects());
            assertEquals(1, log.count(Level.WARNING, "skipping events of type org.parley.party.renamed.v9"), log.messages().toString());
        }
    }

    private static java.util.function.Predicate<ReceivedEvent> mine(UUID party) {
        return event -> party.toString().equals(event.key());
    }

    private static CloudEvent encode(ParleyEvent event) {
        return CODEC.encode(event, UUID.randomUUID(), Instant.now());
    }

    private static void send(UUID key, CloudEvent event) {
        try {
            producer.send(new ProducerRecord<>(PARTIES, key.toString(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
