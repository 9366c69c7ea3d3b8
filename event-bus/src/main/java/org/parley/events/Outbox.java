package org.parley.events;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

    // One round trip: the insert and the wake-up call. Notifications with the same payload are folded into
    // one per transaction, so a transaction that appends many events wakes the relays once.
    private static final String APPEND = """
            WITH appended AS (
                INSERT INTO event_outbox (id, topic, message_key, event_type, source, subject, data_schema, payload, created_at,
                                          actor, change_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?)
                RETURNING 1)
            SELECT pg_notify('%s', '') FROM appended""".formatted(CHANNEL);
    private static final String APPEND_QUIETLY = """
            INSERT INTO event_outbox (id, topic, message_key, event_type, source, subject, data_schema, payload, created_at,
                                      actor, change_reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?::json, ?, ?, ?)""";

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
    private final WakeUp wakeUp;

    /**
     * @param source the publishing service, e.g. {@code parley/party-service}: the CloudEvents {@code source}
     * @param mapper the service's mapper (see {@link CloudEventCodec})
     */
    public Outbox(String source, ObjectMapper mapper) {
        this.codec = new CloudEventCodec(source, mapper);
        this.wakeUp = null;
    }

    /**
     * An outbox that wakes relays through {@code wakeUp} rather than {@code pg_notify}. Relays of other
     * instances then find the rows at their poll interval, or sooner if woken by their own instance's commits.
     */
    public Outbox(String source, ObjectMapper mapper, WakeUp wakeUp) {
        this.codec = new CloudEventCodec(source, mapper);
        this.wakeUp = java.util.Objects.requireNonNull(wakeUp, "wakeUp");
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
            try (PreparedStatement append = connection.prepareStatement(wakeUp == null ? APPEND : APPEND_QUIETLY)) {
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
                if (wakeUp == null) {
                    append.executeQuery().close();
                } else {
                    append.executeUpdate();
                }
            }
            if (wakeUp != null) {
                wakeUp.afterAppend(connection);
            }
        } catch (SQLException e) {
            throw new EventBusException("Could not append " + eventClass.getSimpleName() + " to the outbox", e);
        }
        return id;
    }
}
