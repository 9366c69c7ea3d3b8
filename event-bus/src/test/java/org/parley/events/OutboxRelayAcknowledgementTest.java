package org.parley.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.parley.events.support.Await;
import org.parley.events.support.LogCapture;
import org.parley.events.support.TestDatabase;
import org.parley.events.support.TestEvents;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The relay's bookkeeping when the broker acknowledges some sends and fails one, decided here with Kafka's
 * MockProducer (against real PostgreSQL, in a database of its own so that no other test's rows join the batch).
 */
class OutboxRelayAcknowledgementTest {

    private static final Serializer<Object> UNUSED = (topic, data) -> new byte[0];

    @Test
    void rowsAfterAFailedSendStayUnsentAndGoOutAgainInOrderWithoutTheAcknowledgedOnes() {
        DataSource database = TestDatabase.dataSource("eventbus_acknowledgements");
        Outbox outbox = new Outbox("parley/negotiation-service", new ObjectMapper());
        UUID negotiation = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        TestDatabase.inTransaction(database, connection -> {
            for (int i = 0; i < 5; i++) {
                ids.add(outbox.append(connection, TestEvents.statement(negotiation, "statement " + i)).toString());
            }
        });
        List<MockProducer<String, CloudEvent>> producers = new CopyOnWriteArrayList<>();

        try (LogCapture log = LogCapture.of(OutboxRelay.class); OutboxRelay relay = relay(database, producers)) {
            relay.start();
            Await.until("the batch to be sent", () -> producers.size() == 1 && producers.get(0).history().size() == 5);
            MockProducer<String, CloudEvent> first = producers.get(0);
            first.completeNext();
            first.completeNext();
            first.errorNext(new TimeoutException("the broker went away"));
            // A real producer, closed from the failure's callback, fails what it still holds; so does this one.
            first.errorNext(new TimeoutException("aborted"));
            first.errorNext(new TimeoutException("aborted"));

            Await.until("the retry with a new producer", () -> producers.size() == 2 && producers.get(1).history().size() == 3);
            assertEquals(ids.subList(0, 2), sentIds(database, ids), "only the acknowledged prefix is marked sent");
            assertEquals(ids.subList(2, 5), eventIds(producers.get(1).history()), "the rest go again, in order, without the acknowledged ones");

            MockProducer<String, CloudEvent> second = producers.get(1);
            while (second.completeNext()) {
                // acknowledge the retried rows
            }
            Await.until("every row to be marked sent", () -> sentIds(database, ids).size() == 5);
            assertEquals(1, log.count(Level.WARNING, "Kafka did not acknowledge (the broker went away)"), log.messages().toString());
            assertEquals(1, log.count(Level.INFO, "Kafka is reachable again"), log.messages().toString());
        }
    }

    @Test
    void aRelayWhoseWaitingRowsWerePublishedElsewhereLeavesItsOutageAndListensAgain() {
        DataSource database = TestDatabase.dataSource("eventbus_acknowledgements");
        Outbox outbox = new Outbox("parley/negotiation-service", new ObjectMapper());
        UUID negotiation = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        TestDatabase.inTransaction(database, connection -> {
            ids.add(outbox.append(connection, TestEvents.statement(negotiation, "waits")).toString());
            ids.add(outbox.append(connection, TestEvents.statement(negotiation, "waits too")).toString());
        });
        List<MockProducer<String, CloudEvent>> producers = new CopyOnWriteArrayList<>();

        try (LogCapture log = LogCapture.of(OutboxRelay.class); OutboxRelay relay = relay(database, producers)) {
            relay.start();
            Await.until("the batch to be sent", () -> producers.size() == 1 && producers.get(0).history().size() == 2);
            producers.get(0).errorNext(new TimeoutException("the broker went away"));
            producers.get(0).errorNext(new TimeoutException("aborted"));
            Await.until("the outage to be noticed", () -> log.count(Level.WARNING, "Kafka did not acknowledge") == 1);

            // As another instance's relay would, once Kafka is back.
            TestDatabase.inTransaction(database, connection -> {
                try (var mark = connection.prepareStatement("UPDATE event_outbox SET sent_at = now() WHERE id = ANY (?::uuid[])")) {
                    mark.setObject(1, ids.toArray(String[]::new));
                    mark.executeUpdate();
                }
            });
            Await.until("the relay to leave its outage", () -> log.count(Level.INFO, "nothing left for this relay to publish") == 1);
            assertEquals(1, producers.size(), "with nothing to send, no new producer");

            String[] next = new String[1];
            TestDatabase.inTransaction(database, connection -> next[0] = outbox.append(connection, TestEvents.statement(negotiation, "next")).toString());
            Await.until("the next commit to wake the relay", () -> producers.size() == 2 && producers.get(1).history().size() == 1);
            producers.get(1).completeNext();
            Await.until("the next row to be marked sent", () -> sentIds(database, List.of(next[0])).size() == 1);
        }
    }

    private static OutboxRelay relay(DataSource database, List<MockProducer<String, CloudEvent>> producers) {
        OutboxRelay.Settings settings = OutboxRelay.Settings.defaults().withPollInterval(Duration.ofHours(1)).withMaxBackoff(Duration.ofMillis(200));
        return new OutboxRelay(database, Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9"), settings,
                new SimpleMeterRegistry(), config -> {
                    @SuppressWarnings("unchecked")
                    MockProducer<String, CloudEvent> producer = new MockProducer<>(false, null, (Serializer<String>) (Serializer<?>) UNUSED,
                            (Serializer<CloudEvent>) (Serializer<?>) UNUSED) {
                        @Override
                        public synchronized void flush() {
                            // The mock's flush would acknowledge every send; here the test plays the broker.
                        }
                    };
                    producers.add(producer);
                    return producer;
                });
    }

    private static List<String> sentIds(DataSource database, List<String> ids) {
        List<String> sent = new ArrayList<>();
        TestDatabase.inTransaction(database, connection -> {
            try (var query = connection.prepareStatement(
                    "SELECT id FROM event_outbox WHERE id = ANY (?::uuid[]) AND sent_at IS NOT NULL ORDER BY sequence")) {
                query.setObject(1, ids.toArray(String[]::new));
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        sent.add(rows.getString(1));
                    }
                }
            }
        });
        return sent;
    }

    private static List<String> eventIds(List<ProducerRecord<String, CloudEvent>> records) {
        return records.stream().map(record -> record.value().getId()).toList();
    }
}
