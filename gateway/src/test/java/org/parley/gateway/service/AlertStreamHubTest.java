package org.parley.gateway.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.parley.events.alert.AlertSeverity;
import org.parley.gateway.config.AlertStreamConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client of the stream receives when the gateway's consumer reads records twice, when the relay
 * published an alert twice, and when the client resumes on another gateway that has read more or less of
 * the topic than the first one: every alert once, and ids that never go backwards.
 */
class AlertStreamHubTest {

    private static final Instant T0 = Instant.parse("2025-11-28T10:00:00Z");
    private static final UUID TALKS = UUID.randomUUID();

    /** A client as a browser is: it remembers the last id and every alert it got. */
    private static final class Client implements AlertStreamHub.Subscriber {
        final List<String> alerts = new ArrayList<>();
        final List<AlertStreamCursor> ids = new ArrayList<>();

        private AlertStreamHub connectedTo;

        /** Connects to {@code hub}, leaving the gateway it was connected to. */
        Client connect(AlertStreamHub hub, Optional<AlertStreamCursor> lastEventId) {
            if (connectedTo != null) {
                connectedTo.unsubscribe(this);
            }
            connectedTo = hub;
            hub.subscribe(AlertStreamFilter.ALL, lastEventId, this).missed().forEach(this::offer);
            return this;
        }

        @Override
        public boolean offer(AlertStreamHub.Delivery delivery) {
            alerts.add(delivery.entry().alert().eventId());
            ids.add(delivery.id());
            return true;
        }

        @Override
        public void overflow() {
            throw new AssertionError("not expected");
        }

        Optional<AlertStreamCursor> lastEventId() {
            return Optional.of(ids.get(ids.size() - 1));
        }

        void assertIdsNeverGoBack() {
            for (int i = 1; i < ids.size(); i++) {
                // Never behind the previous id in any partition: taking the further of the two changes nothing.
                assertEquals(ids.get(i), ids.get(i).max(ids.get(i - 1)), ids.get(i - 1) + " then " + ids.get(i));
            }
        }
    }

    @Test
    void recordsReadAgainAfterTheConsumerWasRebuiltReachNobodyTwice() {
        AlertStreamHub hub = hub();
        hub.assign(0, 0, 0);
        Client client = new Client().connect(hub, Optional.empty());
        List<AlertStreamAlert> alerts = List.of(alert(), alert(), alert());
        for (int offset = 0; offset < 3; offset++) {
            hub.publish(0, offset, T0, alerts.get(offset));
        }
        // The broker went away, the consumer was rebuilt, assigned the partition again and read it from the start.
        hub.assign(0, 0, 3);
        for (int offset = 0; offset < 3; offset++) {
            hub.publish(0, offset, T0, alerts.get(offset));
        }
        hub.publish(0, 3, T0, alerts.get(0));

        assertEquals(alerts.stream().map(AlertStreamAlert::eventId).toList(), client.alerts);
        assertEquals(3, hub.resumeAt(0).orElseThrow() - 1, "the consumer resumes after the last offset read");
        client.assertIdsNeverGoBack();
    }

    @Test
    void aSecondCopyOfAnAlertUnderANewOffsetIsLeftOutAndResumingPastItGivesNothing() {
        AlertStreamHub hub = hub();
        hub.assign(0, 0, 0);
        Client client = new Client().connect(hub, Optional.empty());
        AlertStreamAlert once = alert();
        hub.publish(0, 0, T0, once);
        hub.publish(0, 1, T0, alert());
        // The relay's acknowledgement was lost, so it sent the row again: same CloudEvents id, new offset.
        hub.publish(0, 2, T0, once);
        assertEquals(2, client.alerts.size());
        assertEquals(List.of(), new Client().connect(hub, Optional.of(AlertStreamCursor.parse("0:1"))).alerts.stream()
                .filter(once.eventId()::equals).toList());
    }

    @Test
    void aClientResumesOnAnotherGatewayWithoutGapOrDuplicateWhetherThatOneIsAheadOrBehind() {
        List<AlertStreamAlert> partition0 = List.of(alert(), alert(), alert(), alert());
        List<AlertStreamAlert> partition1 = List.of(alert(), alert(), alert(), alert());
        AlertStreamHub first = hub();
        AlertStreamHub second = hub();
        for (AlertStreamHub hub : List.of(first, second)) {
            hub.assign(0, 0, 0);
            hub.assign(1, 0, 0);
        }
        Client client = new Client().connect(first, Optional.empty());
        // The first gateway reads both partitions to offset 2; the second one is behind on partition 1 only.
        for (int offset = 0; offset < 2; offset++) {
            first.publish(0, offset, T0, partition0.get(offset));
            first.publish(1, offset, T0, partition1.get(offset));
        }
        second.publish(0, 0, T0, partition0.get(0));
        second.publish(0, 1, T0, partition0.get(1));
        second.publish(0, 2, T0, partition0.get(2));
        second.publish(1, 0, T0, partition1.get(0));

        // The client moves to the second gateway; what it gets there carries ids past the first gateway's.
        client.connect(second, client.lastEventId());
        second.publish(1, 1, T0, partition1.get(1));
        second.publish(1, 2, T0, partition1.get(2));
        second.publish(0, 3, T0, partition0.get(3));

        // And back to the first one, which is now behind on partition 0.
        first.publish(1, 2, T0, partition1.get(2));
        client.connect(first, client.lastEventId());
        first.publish(0, 2, T0, partition0.get(2));
        first.publish(0, 3, T0, partition0.get(3));
        first.publish(1, 3, T0, partition1.get(3));

        List<String> expected = new ArrayList<>();
        partition0.forEach(alert -> expected.add(alert.eventId()));
        partition1.forEach(alert -> expected.add(alert.eventId()));
        assertEquals(expected.stream().sorted().toList(), client.alerts.stream().sorted().toList(), "once each");
        client.assertIdsNeverGoBack();
        assertEquals("0:4,1:4", client.lastEventId().orElseThrow().toString());
    }

    @Test
    void clientsAtTheSamePositionAreWrittenOneSharedFrameAndAClientAheadElsewhereItsOwn() {
        AlertStreamHub hub = hub();
        hub.assign(0, 0, 0);
        hub.assign(1, 0, 0);
        hub.publish(1, 0, T0, alert());
        List<AlertStreamHub.Delivery> deliveries = new ArrayList<>();
        AlertStreamHub.Subscriber recording = new AlertStreamHub.Subscriber() {
            @Override
            public boolean offer(AlertStreamHub.Delivery delivery) {
                deliveries.add(delivery);
                return true;
            }

            @Override
            public void overflow() {
                throw new AssertionError("not expected");
            }
        };
        for (int i = 0; i < 3; i++) {
            hub.subscribe(AlertStreamFilter.ALL, Optional.empty(), recording);
        }
        // Resumed from another gateway that had read further on partition 1 than this one has.
        hub.subscribe(AlertStreamFilter.ALL, Optional.of(AlertStreamCursor.parse("0:0,1:5")), recording);

        hub.publish(0, 0, T0, alert());

        assertEquals(4, deliveries.size());
        for (AlertStreamHub.Delivery live : deliveries.subList(0, 3)) {
            assertEquals("0:1,1:1", live.id().toString());
            // The very same buffer, encoded once for the alert, not a copy per client.
            assertTrue(live.buffer() == deliveries.get(0).buffer(), "one shared frame");
        }
        AlertStreamHub.Delivery ahead = deliveries.get(3);
        assertEquals("0:1,1:5", ahead.id().toString());
        assertFalse(ahead.buffer() == deliveries.get(0).buffer());
        assertTrue(ahead.buffer().toString().startsWith("id: 0:1,1:5\nevent: alert\ndata: "), ahead.buffer().toString());
        assertEquals(new String(deliveries.get(0).frame(), java.nio.charset.StandardCharsets.UTF_8), deliveries.get(0).buffer().toString());
    }

    @Test
    void aPositionOlderThanWhatIsKeptIsReportedAsAGap() {
        AlertStreamHub hub = hub();
        hub.assign(0, 100, 100);
        hub.publish(0, 100, T0, alert());
        AlertStreamHub.Subscription subscription = hub.subscribe(AlertStreamFilter.ALL,
                Optional.of(AlertStreamCursor.parse("0:40")), new Client());
        assertTrue(subscription.gap());
        assertEquals(1, subscription.missed().size());
        assertFalse(hub.subscribe(AlertStreamFilter.ALL, Optional.of(AlertStreamCursor.parse("0:100")), new Client()).gap());
    }

    private static AlertStreamHub hub() {
        return new AlertStreamHub(new AlertStreamConfig() {
            public boolean enabled() { return true; }
            public String topic() { return "parley.alerts.v1"; }
            public Duration retention() { return Duration.ofHours(24); }
            public int bufferSize() { return 100; }
            public int clientQueueSize() { return 100; }
            public Duration keepAlive() { return Duration.ofSeconds(15); }
            public Duration retry() { return Duration.ofSeconds(3); }
        }, new SimpleMeterRegistry());
    }

    private static AlertStreamAlert alert() {
        String id = UUID.randomUUID().toString();
        return new AlertStreamAlert(id, TALKS, List.of(), AlertSeverity.INFO, "{\"alertId\":\"" + id + "\"}");
    }
}
