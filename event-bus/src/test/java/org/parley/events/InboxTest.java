package org.parley.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
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
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.Connection;
import java.time.Duration;
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
    void eventsOfAnUnknownTypeAreParkedWithNothingLostAndTheKeyGoesOn() throws Exception {
        UUID party = UUID.randomUUID();
        CloudEvent known = encode(TestEvents.partyUpdated(party, "Ukraine"));
        CloudEvent fromTheFuture = CloudEventBuilder.v1(encode(TestEvents.partyUpdated(party, "from the future")))
                .withType("org.parley.party.renamed.v9")
                .build();
        send(party, fromTheFuture);
        send(party, known);

        try (InboxConsumer consumer = new InboxConsumer("unknown-types", List.of(Topic.PARTIES), mine(party), 3).start()) {
            Await.until("the known event after it to be applied", () -> consumer.effects(known.getId()) == 1);

            assertEquals(1, consumer.effects());
            List<ParkedEvents.ParkedRecord> parked = parkedOf(consumer);
            assertEquals(1, parked.size());
            assertEquals(fromTheFuture.getId(), parked.get(0).eventId());
            assertEquals("org.parley.party.renamed.v9", parked.get(0).eventType());
            assertTrue(parked.get(0).reason().contains("unknown"), parked.get(0).reason());
        }
    }

    @Test
    void aRecordThatKeepsFailingPausesOnlyItsPartitionAndIsParkedAfterItsTriesThenRetriedOnRequest() throws Exception {
        UUID failing = UUID.randomUUID();
        UUID flowing = otherPartition(failing);
        CloudEvent poisoned = encode(TestEvents.partyUpdated(failing, "fails"));
        CloudEvent behindIt = encode(TestEvents.partyUpdated(failing, "after"));
        send(failing, poisoned);
        send(failing, behindIt);

        ParkedEvents operator = new ParkedEvents(TestDatabase.dataSource());
        try (InboxConsumer consumer = new InboxConsumer("park", List.of(Topic.PARTIES),
                event -> event.key().equals(failing.toString()) || event.key().equals(flowing.toString()), 8)
                .failingAlwaysFor(event -> event.id().equals(poisoned.getId()))
                .start()) {
            Await.until("the poisoned event to fail three times", () -> consumer.deliveries(poisoned.getId()) >= 3);
            // Its partition backs off, by then for 400 ms and more; another partition is not held up by it.
            for (int i = 0; i < 5; i++) {
                CloudEvent event = encode(TestEvents.partyUpdated(flowing, "flowing " + i));
                long sent = System.nanoTime();
                send(flowing, event);
                Await.until("the other partition's event to be applied", () -> consumer.effects(event.getId()) == 1);
                assertTrue(System.nanoTime() - sent < 1_000_000_000L, "another partition's event waited behind the failing one");
            }
            assertEquals(0, consumer.effects(behindIt.getId()), "an event overtook the failing one of its partition");

            Await.until("the event after the poisoned one to be applied", () -> consumer.effects(behindIt.getId()) == 1);
            assertEquals(8, consumer.deliveries(poisoned.getId()));
            List<ParkedEvents.ParkedRecord> parked = parkedOf(consumer);
            assertEquals(List.of(poisoned.getId()), parked.stream().map(ParkedEvents.ParkedRecord::eventId).toList());

            // The cause is fixed; the operator asks for a retry, and the event is applied once, then unparked.
            consumer.failingAlwaysFor(event -> false);
            ParkedEvents.ParkedRecord record = parked.get(0);
            assertTrue(operator.retryInbox(record.consumer(), record.topic(), record.partition(), record.offset()));
            Await.until("the parked event to be applied", () -> consumer.effects(poisoned.getId()) == 1);
            Await.until("the parked event to leave the parking", () -> parkedOf(consumer).isEmpty());
        }
    }

    @Test
    void aDatabaseOutageIsNotCountedAsATrySoNothingIsParkedAndARecordFaultStillParksAfterItsTries() throws Exception {
        UUID party = UUID.randomUUID();
        CloudEvent duringTheOutage = encode(TestEvents.partyUpdated(party, "sent while PostgreSQL is down"));
        CloudEvent poisoned = encode(TestEvents.partyUpdated(party, "fails for its own reasons"));
        CloudEvent last = encode(TestEvents.partyUpdated(party, "after both"));
        send(party, duringTheOutage);
        send(party, poisoned);
        send(party, last);

        int maxAttempts = 3;
        int outageDeliveries = maxAttempts + 3;
        try (InboxConsumer consumer = new InboxConsumer("outage", List.of(Topic.PARTIES), mine(party), maxAttempts)) {
            consumer.failingAlwaysWith(
                    event -> event.id().equals(poisoned.getId())
                            || event.id().equals(duringTheOutage.getId()) && consumer.deliveries(duringTheOutage.getId()) <= outageDeliveries,
                    event -> event.id().equals(poisoned.getId())
                            ? new IllegalStateException("the handler of " + event.id() + " fails")
                            // As Hibernate reports a connection the pool could not open: the driver's exception as a cause.
                            : new IllegalStateException("Could not open JDBC connection", new PSQLException(
                                    "Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
            consumer.start();

            Await.until("the event after both to be applied", () -> consumer.effects(last.getId()) == 1);

            assertEquals(outageDeliveries + 1, consumer.deliveries(duringTheOutage.getId()),
                    "tried again after every failed try, for longer than max-attempts, until the outage ended");
            assertEquals(1, consumer.effects(duringTheOutage.getId()), "applied once the outage ended");
            assertEquals(maxAttempts, consumer.deliveries(poisoned.getId()), "a record fault still counts");
            assertEquals(List.of(poisoned.getId()), parkedOf(consumer).stream().map(ParkedEvents.ParkedRecord::eventId).toList(),
                    "only the record that fails for its own reasons is parked");
        }
    }

    @Test
    void inboxRowsGoOnceCommittedAndOlderThanTheResendWindowAndASecondCopyInsideItIsStillSkipped() throws Exception {
        UUID party = UUID.randomUUID();
        CloudEvent longAgo = encode(TestEvents.partyUpdated(party, "long ago"));
        CloudEvent alsoLongAgo = encode(TestEvents.partyUpdated(party, "also long ago"));
        CloudEvent recent = encode(TestEvents.partyUpdated(party, "recent"));
        send(party, longAgo);
        send(party, alsoLongAgo);
        send(party, recent);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // A batch of one, so that the purge's batching is exercised.
        InboxRetention retention = new InboxRetention(TestDatabase.dataSource(), TestKafka.consumerConfig(),
                new InboxRetention.Settings(Duration.ofHours(1), 1), registry);

        try (InboxConsumer consumer = new InboxConsumer("retention", List.of(Topic.PARTIES), mine(party), 3).start()) {
            Await.until("the three events to be applied", () -> consumer.effects() == 3);
            int partition = (int) TestDatabase.count("SELECT kafka_partition FROM event_inbox WHERE consumer = 'retention' AND event_id = ?", recent.getId());
            long recentOffset = TestDatabase.count("SELECT kafka_offset FROM event_inbox WHERE consumer = 'retention' AND event_id = ?", recent.getId());
            Await.until("the group to commit past the recent event", () -> committedOffset(consumer.group(), partition) > recentOffset);
            TestDatabase.inTransaction(connection -> {
                try (var age = connection.prepareStatement("UPDATE event_inbox SET applied_at = now() - interval '2 hours' "
                        + "WHERE consumer = 'retention' AND event_id IN (?, ?)")) {
                    age.setString(1, longAgo.getId());
                    age.setString(2, alsoLongAgo.getId());
                    assertEquals(2, age.executeUpdate());
                }
                // Applied as long ago, but at an offset the group has not committed: a restart could read it again.
                try (var uncommitted = connection.prepareStatement("INSERT INTO event_inbox (consumer, event_id, consumer_group, topic, "
                        + "kafka_partition, kafka_offset, applied_at) VALUES ('retention', 'not-committed', ?, ?, ?, ?, now() - interval '2 hours')")) {
                    uncommitted.setString(1, consumer.group());
                    uncommitted.setString(2, PARTIES);
                    uncommitted.setInt(3, partition);
                    uncommitted.setLong(4, recentOffset + 1_000_000);
                    uncommitted.executeUpdate();
                }
            });

            assertEquals(2, retention.purge(List.of(consumer.group())));

            assertEquals(List.of(recent.getId(), "not-committed"), inboxOf("retention"));
            assertEquals(2.0, registry.get("parley.inbox.purged").counter().count());
            // The relay's second copy of the recent event (same ce_id, new offset), inside the window: skipped.
            CloudEvent after = encode(TestEvents.partyUpdated(party, "after"));
            send(party, recent);
            send(party, after);
            Await.until("the event after the second copy to be applied", () -> consumer.effects(after.getId()) == 1);
            assertEquals(2, consumer.deliveries(recent.getId()));
            assertEquals(1, consumer.effects(recent.getId()));
        }
    }

    private static List<String> inboxOf(String consumer) {
        List<String> ids = new java.util.ArrayList<>();
        TestDatabase.inTransaction(connection -> {
            try (var query = connection.prepareStatement("SELECT event_id FROM event_inbox WHERE consumer = ? ORDER BY kafka_offset")) {
                query.setString(1, consumer);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
        });
        return ids;
    }

    private static long committedOffset(String group, int partition) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(PARTIES, partition));
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ParkedEvents.ParkedRecord> parkedOf(InboxConsumer consumer) {
        try {
            return new ParkedEvents(TestDatabase.dataSource()).inbox(1000).stream()
                    .filter(record -> record.consumer().equals(consumer.group())).toList();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A party whose events land on another partition of parley.parties.v1 than {@code party}'s. */
    private static UUID otherPartition(UUID party) {
        int partitions = Topic.PARTIES.partitions();
        while (true) {
            UUID other = UUID.randomUUID();
            if (partitionOf(other, partitions) != partitionOf(party, partitions)) {
                return other;
            }
        }
    }

    private static int partitionOf(UUID key, int partitions) {
        byte[] bytes = key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(bytes)) % partitions;
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
