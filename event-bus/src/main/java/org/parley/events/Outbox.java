package org.parley.events;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes events to the outbox table in the caller's transaction, so that a change and its events commit or
 * roll back together. A service never sends to Kafka while serving a request; {@link OutboxRelay} does,
 * after commit.
 *
 * <pre>{@code
 * session.doWork(connection -> outbox.append(connection, new PartyRegistered(data)));
 * }</pre>
 */
public final class Outbox {

    /** The channel the relays LISTEN on. PostgreSQL delivers a NOTIFY only when its transaction commits. */
    public static final String CHANNEL = "parley_outbox";

    private static final String INSERT = """
            INSERT INTO event_outbox (id, topic, message_key, event_type, source, subject, data_schema, payload, created_at,
                                      actor, change_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?)""";
    // One round trip: the insert and the wake-up call. Notifications with the same payload are folded into
    // one per transaction, so a transaction that appends many events wakes the relays once.
    private static final String INSERT_AND_NOTIFY = """
            WITH appended AS (%s RETURNING 1)
            SELECT pg_notify('%s', '') FROM appended""".formatted(INSERT, CHANNEL);

    /**
     * Called after each append, on the caller's connection, instead of {@code pg_notify}: typically it arranges
     * for the in-process relay to be woken once the transaction commits (event-bus-quarkus does it with a JTA
     * synchronization). {@code pg_notify} takes a cluster-wide lock from the notify until commit, which
     * serialises every event-writing transaction; docs/events.md has the measurement.
     */
    @FunctionalInterface
    public interface WakeUp {
        void afterAppend(Connection connection);
    }

    private final CloudEventCodec codec;
    /** {@link #INSERT_AND_NOTIFY}, or {@link #INSERT} when {@link #wakeUp} wakes the relay. */
    private final String appendSql;
    private final WakeUp wakeUp;

    /**
     * An outbox that wakes the relays with {@code pg_notify} at commit: for writers without a transaction manager
     * to wake them after commit (plain JDBC, the tests, the benchmarks). The services use the other constructor.
     *
     * @param source the publishing service, e.g. {@code parley/party-service}: the CloudEvents {@code source}
     * @param mapper the service's mapper (see {@link CloudEventCodec})
     */
    public Outbox(String source, ObjectMapper mapper) {
        this(source, mapper, INSERT_AND_NOTIFY, connection -> { });
    }

    /**
     * An outbox that wakes relays through {@code wakeUp} rather than {@code pg_notify}. Relays of other
     * instances then find the rows at their poll interval, or sooner if woken by their own instance's commits.
     */
    public Outbox(String source, ObjectMapper mapper, WakeUp wakeUp) {
        this(source, mapper, INSERT, Objects.requireNonNull(wakeUp, "wakeUp"));
    }

    private Outbox(String source, ObjectMapper mapper, String appendSql, WakeUp wakeUp) {
        this.codec = new CloudEventCodec(source, mapper);
        this.appendSql = appendSql;
        this.wakeUp = wakeUp;
    }

    /**
     * Adds the event to the caller's transaction.
     *
     * @return the event's id (the CloudEvents {@code id}), e.g. to cite it as the cause of an alert
     * @throws IllegalStateException if the connection is in auto-commit mode: the event would then be
     *                               published whether or not the change it reports commits
     */
    public UUID append(Connection connection, ParleyEvent event) {
        return append(connection, event, null);
    }

    /**
     * Adds the event to the caller's transaction, with who made the change and why (see {@link Actor}).
     *
     * @param actor null for an event without an actor, which consumers must then treat as anonymous
     */
    public UUID append(Connection connection, ParleyEvent event, Actor actor) {
        Class<? extends ParleyEvent> eventClass = event.getClass();
        UUID id = UUID.randomUUID();
        // PostgreSQL keeps microseconds; truncating here makes the published time equal the stored one.
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("Outbox.append must run in the caller's transaction, "
                        + "but the connection is in auto-commit mode");
            }
            try (PreparedStatement append = connection.prepareStatement(appendSql)) {
                append.setObject(1, id);
                append.setString(2, EventCatalog.topicOf(eventClass).topicName());
                append.setString(3, event.partitionKey());
                append.setString(4, EventCatalog.typeOf(eventClass));
                append.setString(5, codec.source());
                append.setString(6, event.subject());
                append.setString(7, EventCatalog.dataSchemaOf(eventClass));
                append.setString(8, new String(codec.data(event), StandardCharsets.UTF_8));
                append.setObject(9, createdAt.atOffset(ZoneOffset.UTC));
                append.setString(10, actor == null ? null : actor.subject());
                append.setString(11, actor == null ? null : actor.reason());
                // execute(): the notifying statement is a query, the other an update.
                append.execute();
            }
            wakeUp.afterAppend(connection);
        } catch (SQLException e) {
            throw new EventBusException("Could not append " + eventClass.getSimpleName() + " to the outbox", e);
        }
        return id;
    }
}
