package org.parley.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.parley.events.support.Await;
import org.parley.events.support.TestDatabase;
import org.parley.events.support.TestEvents;
import org.parley.events.support.TestKafka;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox and its relay against real PostgreSQL and real Kafka. */
class OutboxRelayTest {

    private static final Outbox OUTBOX = new Outbox("parley/test", new ObjectMapper());
    private static final String NEGOTIATIONS = Topic.NEGOTIATIONS.topicName();

    /**
     * An hour-long fallback poll: every test here finishes only because commits wake the relay up.
     */
    private static final OutboxRelay.Settings WOKEN_BY_COMMITS = OutboxRelay.Settings.defaults()
            .withPollInterval(Duration.ofHours(1))
            .withBatchSize(50)
            .withMaxBackoff(Duration.ofSeconds(1));

    @Test
    void aRolledBackTransactionEmitsNothing() throws Exception {
        UUID negotiation = UUID.randomUUID();
        try (OutboxRelay relay = relay(WOKEN_BY_COMMITS, new SimpleMeterRegistry())) {
            relay.start();
            UUID[] rolledBack = new UUID[1];
            try (Connection connection = TestDatabase.dataSource().getConnection()) {
                connection.setAutoCommit(false);
                rolledBack[0] = OUTBOX.append(connection, TestEvents.statement(negotiation, "never said"));
                connection.rollback();
            }
            // Same key, so the same partition, after it: once this one is out, the other would be too.
            UUID[] committed = new UUID[1];
            TestDatabase.inTransaction(connection -> committed[0] = OUTBOX.append(connection, TestEvents.statement(negotiation, "said")));
            awaitSent(List.of(committed[0]));

            List<String> published = ids(TestKafka.readAll(List.of(NEGOTIATIONS), record -> negotiation.toString().equals(record.key())));

            assertEquals(List.of(committed[0].toString()), published);
            assertFalse(TestDatabase.outboxRowExists(rolledBack[0]));
        }
    }

    @Test
    void eachKeysEventsArriveInCommitOrderAcrossOverAThousandEvents() {
        List<UUID> negotiations = randomIds(6);
        Map<String, List<String>> written = new LinkedHashMap<>();
        Random random = new Random(42);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (OutboxRelay relay = relay(WOKEN_BY_COMMITS, registry)) {
            relay.start();
            // 60 transactions of 20, so that the relay claims batches while the writer is still committing.
            for (int transaction = 0; transaction < 60; transaction++) {
                TestDatabase.inTransaction(connection -> {
                    for (int i = 0; i < 20; i++) {
                        UUID negotiation = negotiations.get(random.nextInt(negotiations.size()));
                        UUID id = OUTBOX.append(connection, TestEvents.statement(negotiation, "statement"));
                        written.computeIfAbsent(negotiation.toString(), key -> new ArrayList<>()).add(id.toString());
                    }
                });
            }
            awaitSent(written.values().stream().flatMap(List::stream).map(UUID::fromString).toList());

            Map<String, List<String>> received = byKey(TestKafka.readAll(List.of(NEGOTIATIONS), record -> written.containsKey(record.key())));

            assertEquals(1_200, written.values().stream().mapToInt(List::size).sum());
            assertEquals(written, received);
            assertTrue(registry.get("parley.outbox.published").counter().count() >= 1_200);
            assertTrue(registry.get("parley.outbox.commit.to.publish").timer().count() >= 1_200);
        }
    }

    @Test
    void twoRelaysAtOncePublishEachRowOnceAndKeepEachKeysOrder() throws Exception {
        int writers = 3;
        int eventsPerWriter = 200;
        Map<String, List<String>> written = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try (OutboxRelay first = relay(WOKEN_BY_COMMITS.withBatchSize(20), new SimpleMeterRegistry());
             OutboxRelay second = relay(WOKEN_BY_COMMITS.withBatchSize(20), new SimpleMeterRegistry())) {
            first.start();
            second.start();
            List<Future<Map<String, List<String>>>> results = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int seed = writer;
                // Each writer owns its keys, so that each key's commit order is well defined.
                results.add(pool.submit(() -> write(randomIds(2), eventsPerWriter, new Random(seed))));
            }
            for (Future<Map<String, List<String>>> result : results) {
                written.putAll(result.get());
            }
            awaitSent(written.values().stream().flatMap(List::stream).map(UUID::fromString).toList());
        } finally {
            pool.shutdown();
        }

        List<ConsumerRecord<String, CloudEvent>> published = TestKafka.readAll(List.of(NEGOTIATIONS), record -> written.containsKey(record.key()));

        Set<String> distinct = new HashSet<>(ids(published));
        assertEquals(writers * eventsPerWriter, distinct.size());
        assertEquals(distinct.size(), published.size(), "a row was published twice");
        assertEquals(written, byKey(published));
    }

    @Test
    void sentRowsAreDeletedOnceTheRetentionHasPassed() {
        UUID party = UUID.randomUUID();
        OutboxRelay.Settings noRetention = WOKEN_BY_COMMITS.withPollInterval(Duration.ofMillis(200)).withRetention(Duration.ZERO);
        try (OutboxRelay relay = relay(noRetention, new SimpleMeterRegistry())) {
            relay.start();
            UUID[] id = new UUID[1];
            TestDatabase.inTransaction(connection -> id[0] = OUTBOX.append(connection, TestEvents.partyUpdated(party, "Ukraine")));

            Await.until("the sent row to be deleted", () -> !TestDatabase.outboxRowExists(id[0]));

            List<String> published = ids(TestKafka.readAll(List.of(Topic.PARTIES.topicName()), record -> party.toString().equals(record.key())));
            assertEquals(List.of(id[0].toString()), published, "deleted only after it was published");
        }
    }

    @Test
    void aRowKafkaRefusesForGoodIsParkedWhileEveryOtherKeyFlowsAndItsOwnKeyWaitsUntilDiscarded() throws Exception {
        UUID poisonedTalks = UUID.randomUUID();
        UUID otherTalks = UUID.randomUUID();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ParkedEvents parked = new ParkedEvents(TestDatabase.dataSource());
        UUID[] ids = new UUID[6];
        try (OutboxRelay relay = relay(WOKEN_BY_COMMITS, registry)) {
            relay.start();
            TestDatabase.inTransaction(connection -> {
                ids[0] = OUTBOX.append(connection, TestEvents.statement(poisonedTalks, "before"));
                ids[1] = OUTBOX.append(connection, TestEvents.statement(otherTalks, "other 1"));
                // Over the producer's max.request.size (1 MiB): Kafka refuses it however often it is sent.
                ids[2] = OUTBOX.append(connection, TestEvents.statement(poisonedTalks, "x".repeat(2 * 1024 * 1024)));
                ids[3] = OUTBOX.append(connection, TestEvents.statement(otherTalks, "other 2"));
                ids[4] = OUTBOX.append(connection, TestEvents.statement(poisonedTalks, "after"));
            });
            TestDatabase.inTransaction(connection -> ids[5] = OUTBOX.append(connection, TestEvents.statement(otherTalks, "other 3")));

            awaitSent(List.of(ids[0], ids[1], ids[3], ids[5]));
            Await.until("the refused row to be parked", () -> TestDatabase.count(
                    "SELECT count(*) FROM event_outbox_parked WHERE id = ?::uuid", ids[2].toString()) == 1);
            Await.until("the parked gauge to count it", () -> registry.get("parley.outbox.parked").gauge().value() == 1.0);
            assertEquals(List.of(ids[2]), parked.outbox(10).stream().map(ParkedEvents.ParkedOutboxRow::id).toList());
            assertTrue(parked.outbox(10).get(0).reason().startsWith("RecordTooLargeException"), parked.outbox(10).get(0).reason());
            // Its key waits behind it, so that its order holds. No need to wait for that: ids[5] came after ids[4],
            // and the relay claims in sequence order, so the batch that sent ids[5] passed ids[4] over.
            assertEquals(1, TestDatabase.count("SELECT count(*) FROM event_outbox WHERE id = ?::uuid AND sent_at IS NULL", ids[4].toString()));

            // Retried while the cause is still there: parked again, nothing sent out of order.
            assertTrue(parked.retryOutbox(ids[2]));
            Await.until("the retried row to be parked again", () -> TestDatabase.count(
                    "SELECT count(*) FROM event_outbox_parked WHERE id = ?::uuid", ids[2].toString()) == 1);
            assertEquals(1, TestDatabase.count("SELECT count(*) FROM event_outbox WHERE id = ?::uuid AND sent_at IS NULL", ids[4].toString()));

            // Discarded: the key goes on.
            assertTrue(parked.discardOutbox(ids[2]));
            assertFalse(parked.discardOutbox(ids[2]));
            awaitSent(List.of(ids[4]));
        }
        Map<String, List<String>> published = byKey(TestKafka.readAll(List.of(NEGOTIATIONS),
                record -> record.key().equals(poisonedTalks.toString()) || record.key().equals(otherTalks.toString())));
        assertEquals(List.of(ids[0].toString(), ids[4].toString()), published.get(poisonedTalks.toString()));
        assertEquals(List.of(ids[1].toString(), ids[3].toString(), ids[5].toString()), published.get(otherTalks.toString()));
    }

    @Test
    void aRelayWhoseHostVanishedMidBatchHoldsUpTheOthersOnlyUntilItsSessionIsEnded() throws Exception {
        UUID negotiation = UUID.randomUUID();
        OutboxRelay.Settings settings = WOKEN_BY_COMMITS.withPollInterval(Duration.ofMillis(500)).withAbandonedAfter(Duration.ofSeconds(2));
        UUID[] id = new UUID[1];
        TestDatabase.inTransaction(connection -> id[0] = OUTBOX.append(connection, TestEvents.statement(negotiation, "waits")));
        // As the vanished relay left it: its session limited as every relay's is, every bucket locked and the
        // row claimed, in a transaction nobody will ever end.
        try (Connection vanished = TestDatabase.dataSource().getConnection()) {
            vanished.setAutoCommit(true);
            OutboxStore.limitSession(vanished, settings);
            vanished.setAutoCommit(false);
            try (var lock = vanished.createStatement()) {
                lock.executeQuery("SELECT pg_advisory_xact_lock(%d, b) FROM generate_series(0, %d) b"
                        .formatted(OutboxStore.LOCK_NAMESPACE, OutboxStore.BUCKETS - 1)).close();
                lock.executeQuery("SELECT * FROM event_outbox WHERE id = '" + id[0] + "' FOR UPDATE").close();
            }
            long start = System.nanoTime();
            try (OutboxRelay other = relay(settings, new SimpleMeterRegistry())) {
                other.start();
                awaitSent(List.of(id[0]));
            }
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
            assertThrows(java.sql.SQLException.class, () -> vanished.createStatement().execute("SELECT 1"),
                    "PostgreSQL ended the abandoned session");
        }
    }

    @Test
    void appendingOutsideATransactionIsRefused() throws Exception {
        try (Connection connection = TestDatabase.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            assertThrows(IllegalStateException.class, () -> OUTBOX.append(connection, TestEvents.partyUpdated(UUID.randomUUID(), "Ukraine")));
        }
    }

    private static Map<String, List<String>> write(List<UUID> negotiations, int events, Random random) {
        Map<String, List<String>> written = new HashMap<>();
        int remaining = events;
        while (remaining > 0) {
            int inThisTransaction = Math.min(remaining, 1 + random.nextInt(5));
            remaining -= inThisTransaction;
            TestDatabase.inTransaction(connection -> {
                for (int i = 0; i < inThisTransaction; i++) {
                    UUID negotiation = negotiations.get(random.nextInt(negotiations.size()));
                    UUID id = OUTBOX.append(connection, TestEvents.statement(negotiation, "statement"));
                    written.computeIfAbsent(negotiation.toString(), key -> new ArrayList<>()).add(id.toString());
                }
            });
        }
        return written;
    }

    static OutboxRelay relay(OutboxRelay.Settings settings, SimpleMeterRegistry registry) {
        return new OutboxRelay(TestDatabase.dataSource(), TestKafka.producerConfig(), settings, registry);
    }

    @Test
    void eachEventCarriesWhoMadeTheChangeAndWhyAsExtensionAttributes() {
        UUID negotiation = UUID.randomUUID();
        try (OutboxRelay relay = relay(WOKEN_BY_COMMITS, new SimpleMeterRegistry())) {
            relay.start();
            UUID[] ids = new UUID[2];
            TestDatabase.inTransaction(connection -> {
                ids[0] = OUTBOX.append(connection, TestEvents.statement(negotiation, "with a reason"), new Actor("alice", "quote corrected"));
                ids[1] = OUTBOX.append(connection, TestEvents.statement(negotiation, "without"), new Actor("bob", null));
            });
            awaitSent(List.of(ids));

            Map<String, CloudEvent> published = TestKafka.readAll(List.of(NEGOTIATIONS), record -> negotiation.toString().equals(record.key()))
                    .stream().map(ConsumerRecord::value).collect(Collectors.toMap(CloudEvent::getId, event -> event));

            CloudEvent first = published.get(ids[0].toString());
            assertEquals("alice", first.getExtension(CloudEventCodec.ACTOR));
            assertEquals("quote corrected", first.getExtension(CloudEventCodec.CHANGE_REASON));
            assertEquals(new Actor("alice", "quote corrected"), CloudEventCodec.actorOf(first));
            CloudEvent second = published.get(ids[1].toString());
            assertEquals(new Actor("bob", null), CloudEventCodec.actorOf(second));
            assertFalse(second.getExtensionNames().contains(CloudEventCodec.CHANGE_REASON), "no reason, no attribute");
        }
    }

    @Test
    void aRoundsRowsLeaveInOneProduceRequestWhateverTheirTopicsAndPartitions() {
        TopicProvisioner.provision(TestKafka.consumerConfig(), new TopicProvisioner.Cluster(1, 1), List.of(Topic.values()));
        // A database of its own, so that the round holds exactly these rows.
        DataSource database = TestDatabase.dataSource("eventbus_one_request");
        List<UUID> ids = new ArrayList<>();
        TestDatabase.inTransaction(database, connection -> {
            for (int i = 0; i < 10; i++) {
                ids.add(OUTBOX.append(connection, TestEvents.statement(UUID.randomUUID(), "statement " + i)));
                ids.add(OUTBOX.append(connection, TestEvents.partyUpdated(UUID.randomUUID(), "party " + i)));
            }
        });
        List<Producer<String, CloudEvent>> producers = new CopyOnWriteArrayList<>();
        try (OutboxRelay relay = new OutboxRelay(database, TestKafka.producerConfig(), WOKEN_BY_COMMITS, new SimpleMeterRegistry(),
                config -> {
                    KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config);
                    // Metadata known beforehand, so that no send() waits for it while the ones before it are held.
                    producer.partitionsFor(NEGOTIATIONS);
                    producer.partitionsFor(Topic.PARTIES.topicName());
                    producers.add(producer);
                    return producer;
                })) {
            relay.start();
            Await.until("the rows to be sent", TestKafka.PATIENCE, () -> TestDatabase.count(database,
                    "SELECT count(*) FROM event_outbox WHERE sent_at IS NOT NULL") == ids.size(), () -> "");

            assertEquals(1, producers.size());
            // With one request in flight per broker, a record sent on its own would make the others wait for its response.
            assertEquals(20.0, recordsPerRequest(producers.get(0)), "one produce request for the round's 20 records");
        }
    }

    private static double recordsPerRequest(Producer<String, CloudEvent> producer) {
        return producer.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().group().equals("producer-metrics") && metric.getKey().name().equals("records-per-request-avg"))
                .mapToDouble(metric -> (Double) metric.getValue().metricValue())
                .findFirst().orElseThrow();
    }

    static void awaitSent(List<UUID> ids) {
        String[] wanted = ids.stream().map(UUID::toString).toArray(String[]::new);
        Await.until(ids.size() + " outbox rows to be sent", TestKafka.PATIENCE,
                () -> TestDatabase.count("SELECT count(*) FROM event_outbox WHERE id = ANY (?::uuid[]) AND sent_at IS NOT NULL",
                        (Object) wanted) == ids.size(),
                () -> "");
    }

    private static List<String> ids(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().map(record -> record.value().getId()).toList();
    }

    private static Map<String, List<String>> byKey(List<ConsumerRecord<String, CloudEvent>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                Collectors.mapping(record -> record.value().getId(), Collectors.toList())));
    }

    private static List<UUID> randomIds(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }
}
