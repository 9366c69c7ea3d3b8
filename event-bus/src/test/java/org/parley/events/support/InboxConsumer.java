package org.parley.events.support;

import org.parley.events.EventConsumer;
import org.parley.events.Inbox;
import org.parley.events.ReceivedEvent;
import org.parley.events.Topic;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A consumer as a service writes one: in one transaction, {@link Inbox#markApplied} and, the first time only,
 * the effect (a row in test_effect). It counts deliveries, so that a test can tell redelivery from effect.
 */
public final class InboxConsumer implements AutoCloseable {

    private final String name;
    private final Predicate<ReceivedEvent> mine;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final EventConsumer consumer;
    private volatile Predicate<ReceivedEvent> failOnce = event -> false;

    private final String group;
    private volatile Predicate<ReceivedEvent> failAlways = event -> false;
    private volatile java.util.function.Function<ReceivedEvent, RuntimeException> failure =
            event -> new IllegalStateException("the handler of " + event.id() + " fails");

    public InboxConsumer(String name, List<Topic> topics, Predicate<ReceivedEvent> mine) {
        this(name, topics, mine, Integer.MAX_VALUE);
    }

    /** Parks a record in the test database after {@code maxAttempts} failed tries, as the services do. */
    public InboxConsumer(String name, List<Topic> topics, Predicate<ReceivedEvent> mine, int maxAttempts) {
        this.name = name;
        this.mine = mine;
        this.group = TestKafka.uniqueGroup(name);
        this.consumer = maxAttempts == Integer.MAX_VALUE
                ? new EventConsumer(group, TestKafka.consumerConfig(), topics, this::handle)
                : new EventConsumer(group, TestKafka.consumerConfig(), topics, this::handle,
                        new org.parley.events.ParkedEvents.Store(TestDatabase.dataSource()), maxAttempts);
    }

    /** The consumer group, which is also the name parked records are kept under. */
    public String group() {
        return group;
    }

    /** Every delivery of each event that matches fails, until this is called again with another predicate. */
    public InboxConsumer failingAlwaysFor(Predicate<ReceivedEvent> events) {
        this.failAlways = events;
        return this;
    }

    /** Every delivery of each event that matches fails with {@code failure}, until this is called again. */
    public InboxConsumer failingAlwaysWith(Predicate<ReceivedEvent> events, java.util.function.Function<ReceivedEvent, RuntimeException> failure) {
        this.failure = failure;
        this.failAlways = events;
        return this;
    }

    /** The first delivery of each event that matches fails after its transaction has rolled back. */
    public InboxConsumer failingOnceFor(Predicate<ReceivedEvent> events) {
        this.failOnce = events;
        return this;
    }

    public InboxConsumer start() {
        consumer.start();
        return this;
    }

    private void handle(ReceivedEvent event) {
        if (!mine.test(event)) {
            return;
        }
        int delivery = deliveries.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (failAlways.test(event)) {
            throw failure.apply(event);
        }
        TestDatabase.inTransaction(connection -> {
            if (Inbox.markApplied(connection, name, event)) {
                try (PreparedStatement effect = connection.prepareStatement("INSERT INTO test_effect (consumer, event_id) VALUES (?, ?)")) {
                    effect.setString(1, name);
                    effect.setString(2, event.id());
                    effect.executeUpdate();
                }
            }
            if (delivery == 1 && failOnce.test(event)) {
                throw new IllegalStateException("the handler of " + event.id() + " fails on its first delivery");
            }
        });
    }

    public int deliveries(String eventId) {
        AtomicInteger count = deliveries.get(eventId);
        return count == null ? 0 : count.get();
    }

    public long effects(String eventId) {
        return TestDatabase.count("SELECT count(*) FROM test_effect WHERE consumer = ? AND event_id = ?", name, eventId);
    }

    public long effects() {
        return TestDatabase.count("SELECT count(*) FROM test_effect WHERE consumer = ?", name);
    }

    public long distinctEffects() {
        return TestDatabase.count("SELECT count(DISTINCT event_id) FROM test_effect WHERE consumer = ?", name);
    }

    /** The order in which the effects were applied (test_effect's clock_timestamp), for one set of events. */
    public List<String> appliedOrder() {
        List<String> order = new java.util.ArrayList<>();
        TestDatabase.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT event_id FROM test_effect WHERE consumer = ? ORDER BY applied_at")) {
                query.setString(1, name);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        order.add(rows.getString(1));
                    }
                }
            }
        });
        return order;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
