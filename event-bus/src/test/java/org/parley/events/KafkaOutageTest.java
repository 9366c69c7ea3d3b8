package org.parley.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.parley.devstack.DevStack;
import org.parley.devstack.SharedDevStack;
import org.parley.events.support.Await;
import org.parley.events.support.InboxConsumer;
import org.parley.events.support.LogCapture;
import org.parley.events.support.TestDatabase;
import org.parley.events.support.TestEvents;
import org.parley.events.support.TestKafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kafka stops while the service keeps writing; nothing is lost and nothing is applied twice. */
class KafkaOutageTest {

    private static final Outbox OUTBOX = new Outbox("parley/party-service", new ObjectMapper());
    private static final int WRITTEN = 40;

    @Test
    void writesCommitWhileKafkaIsDownAndOnceItIsBackEveryEventIsAppliedExactlyOnceInOrder() {
        DevStack stack = SharedDevStack.get();
        UUID party = UUID.randomUUID();
        Set<String> ours = ConcurrentHashMap.newKeySet();
        List<String> written = new ArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutboxRelay.Settings settings = OutboxRelay.Settings.defaults()
                .withPollInterval(Duration.ofHours(1))
                .withMaxBackoff(Duration.ofSeconds(1));

        // The relay and the consumer meet Kafka only once it is down: a client connected when the broker stops
        // leaves the broker's port in TIME_WAIT, and DevStack.startKafka() then refuses the port for a minute.
        stack.stopKafka();
        try (LogCapture relayLog = LogCapture.of(OutboxRelay.class);
             OutboxRelay relay = new OutboxRelay(TestDatabase.dataSource(), TestKafka.producerConfig(), settings, registry);
             InboxConsumer consumer = new InboxConsumer("outage", List.of(Topic.PARTIES), event -> ours.contains(event.id()))) {
            try {
                relay.start();
                consumer.start();
                for (int i = 0; i < WRITTEN; i++) {
                    write(party, "during the outage " + i, ours, written);
                }
                assertEquals(WRITTEN, TestDatabase.count(
                        "SELECT count(*) FROM event_outbox WHERE id = ANY (?::uuid[]) AND sent_at IS NULL",
                        (Object) written.toArray(String[]::new)), "the events wait, committed and unsent");
                Await.until("the relay to notice the outage", () -> relayLog.count(Level.WARNING, "Kafka did not acknowledge") == 1);
                Await.until("the backlog gauge to show the waiting events",
                        () -> registry.get("parley.outbox.backlog").gauge().value() >= WRITTEN);
                assertTrue(registry.get("parley.outbox.oldest.pending.age").gauge().value() > 0);
            } finally {
                stack.startKafka();
            }

            Await.until("every event to be applied", TestKafka.PATIENCE.multipliedBy(2),
                    () -> consumer.distinctEffects() == written.size(), () -> consumer.distinctEffects() + " of " + written.size());
            OutboxRelayTest.awaitSent(written.stream().map(UUID::fromString).toList());
            Await.until("the backlog gauge to drain", () -> registry.get("parley.outbox.backlog").gauge().value() == 0);

            assertEquals(written.size(), consumer.effects(), "an event was applied twice");
            assertEquals(written, consumer.appliedOrder());
            assertEquals(1, relayLog.count(Level.INFO, "Kafka is reachable again"), relayLog.messages().toString());
            assertEquals(1, relayLog.countAtLeast(Level.WARNING), "one warning for the whole outage: " + relayLog.messages());
        }
    }

    private static void write(UUID party, String name, Set<String> ours, List<String> written) {
        TestDatabase.inTransaction(connection -> {
            String id = OUTBOX.append(connection, TestEvents.partyUpdated(party, name)).toString();
            ours.add(id);
            written.add(id);
        });
    }
}
