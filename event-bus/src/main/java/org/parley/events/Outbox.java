package org.parley.events;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

    /**
     * A statement of the caller's that travels to the database in the same round trip as an append: the change the
     * event reports, or a record of the event such as an audit entry. pgjdbc sends the statements of one prepared
     * multi-statement together and PostgreSQL runs them in order, in the caller's transaction; on a busy service the
     * round trips and the per-statement work saved are a good part of what a write costs.
     */
    public interface Alongside {

        /** One statement, without a trailing semicolon, with {@code ?} parameters. */
        String sql();

        /**
         * Binds this statement's parameters.
         *
         * @param first   the index of its first parameter in the combined statement
         * @param eventId the id of the event being appended
         * @return how many parameters it bound
         */
        int bind(PreparedStatement statement, int first, UUID eventId) throws SQLException;

        /**
         * Called with the statement's update count once the round trip is back (-1 for a query), before the append
         * returns: the place to refuse a change that did not apply, e.g. a stale version, which then rolls back
         * the caller's transaction with the event.
         */
        default void done(int updateCount) {
        }
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
        return append(connection, event, actor, List.of(), List.of());
    }

    /**
     * Adds the event to the caller's transaction together with the caller's own statements, all in one round trip:
     * first {@code before} (typically the change the event reports, so that its row lock orders concurrent writers
     * before their events take outbox sequence numbers), then the event, then {@code after} (which may use the
     * event's id, e.g. an audit entry). Each statement's {@link Alongside#done} is called in that order.
     *
     * @param actor null for an event without an actor, which consumers must then treat as anonymous
     */
    public UUID append(Connection connection, ParleyEvent event, Actor actor, List<? extends Alongside> before,
                       List<? extends Alongside> after) {
        Class<? extends ParleyEvent> eventClass = event.getClass();
        UUID id = UUID.randomUUID();
        // PostgreSQL keeps microseconds; truncating here makes the published time equal the stored one.
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("Outbox.append must run in the caller's transaction, "
                        + "but the connection is in auto-commit mode");
            }
            String sql = appendSql;
            if (!before.isEmpty() || !after.isEmpty()) {
                StringBuilder combined = new StringBuilder();
                before.forEach(statement -> combined.append(statement.sql()).append(";\n"));
                combined.append(appendSql);
                after.forEach(statement -> combined.append(";\n").append(statement.sql()));
                sql = combined.toString();
            }
            try (PreparedStatement append = connection.prepareStatement(sql)) {
                int next = 1;
                for (Alongside statement : before) {
                    next += statement.bind(append, next, id);
                }
                append.setObject(next, id);
                append.setString(next + 1, EventCatalog.topicOf(eventClass).topicName());
                append.setString(next + 2, event.partitionKey());
                append.setString(next + 3, EventCatalog.typeOf(eventClass));
                append.setString(next + 4, codec.source());
                append.setString(next + 5, event.subject());
                append.setString(next + 6, EventCatalog.dataSchemaOf(eventClass));
                append.setString(next + 7, new String(codec.data(event), StandardCharsets.UTF_8));
                append.setObject(next + 8, createdAt.atOffset(ZoneOffset.UTC));
                append.setString(next + 9, actor == null ? null : actor.subject());
                append.setString(next + 10, actor == null ? null : actor.reason());
                next += 11;
                for (Alongside statement : after) {
                    next += statement.bind(append, next, id);
                }
                // execute(): the notifying statement is a query, the others updates; one result per statement, in order.
                boolean query = append.execute();
                for (int i = 0; i < before.size() + 1 + after.size(); i++) {
                    if (i > 0) {
                        query = append.getMoreResults();
                    }
                    int updateCount = query ? -1 : append.getUpdateCount();
                    if (i < before.size()) {
                        before.get(i).done(updateCount);
                    } else if (i > before.size()) {
                        after.get(i - before.size() - 1).done(updateCount);
                    }
                }
            }
            wakeUp.afterAppend(connection);
        } catch (SQLException e) {
            throw new EventBusException("Could not append " + eventClass.getSimpleName() + " to the outbox", e);
        }
        return id;
    }
}
