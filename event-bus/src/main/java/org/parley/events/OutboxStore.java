package org.parley.events;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The relay's SQL, on the one dedicated connection it LISTENs on: lock key buckets, claim the oldest unsent rows of
 * those buckets, mark rows sent, park a row Kafka refused for good, purge old sent rows, read the gauges. Owned by
 * the relay thread; a publishing round is one transaction ({@link #begin} .. {@link #commit} or {@link #rollback}).
 */
final class OutboxStore {

    /** Key buckets, fixed by the migration's {@code key_bucket} column ({@code hashtext(message_key) & 15}). */
    static final int BUCKETS = 16;
    /** First key of the relay's advisory locks; the second is the bucket. */
    static final int LOCK_NAMESPACE = 0x5041524C; // "PARL"

    private static final int PURGE_CHUNK = 5_000;

    private static final String LOCK_BUCKETS = """
            SELECT bucket FROM generate_series(0, %d) AS bucket
            WHERE pg_try_advisory_xact_lock(%d, bucket)""".formatted(BUCKETS - 1, LOCK_NAMESPACE);
    private static final String CLAIM = """
            SELECT sequence, id, topic, message_key, event_type, source, subject, data_schema, payload, created_at,
                   actor, change_reason
            FROM event_outbox o
            WHERE sent_at IS NULL AND key_bucket = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM event_outbox_parked p
                              WHERE p.topic = o.topic AND p.message_key = o.message_key AND p.sequence < o.sequence)
            ORDER BY sequence
            LIMIT ?
            FOR UPDATE OF o SKIP LOCKED""";
    private static final String MARK_SENT = "UPDATE event_outbox SET sent_at = clock_timestamp() WHERE sequence = ANY (?)";
    private static final String PARK = """
            WITH parked AS (DELETE FROM event_outbox WHERE sequence = ? RETURNING *)
            INSERT INTO event_outbox_parked (sequence, id, topic, message_key, event_type, source, subject, data_schema,
                                             payload, created_at, actor, change_reason, reason)
            SELECT sequence, id, topic, message_key, event_type, source, subject, data_schema, payload, created_at,
                   actor, change_reason, ?
            FROM parked""";
    private static final String PARKED = "SELECT count(*) FROM event_outbox_parked";
    private static final String BACKLOG = """
            SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)
            FROM event_outbox WHERE sent_at IS NULL""";
    private static final String PURGE = """
            DELETE FROM event_outbox WHERE sequence IN (
                SELECT sequence FROM event_outbox
                WHERE sent_at < clock_timestamp() - ? * interval '1 millisecond'
                ORDER BY sent_at LIMIT %d)""".formatted(PURGE_CHUNK);

    /** Unsent rows, and how long the oldest of them has waited. */
    record Backlog(long rows, long oldestPendingMillis) {
    }

    private final DataSource dataSource;
    private final OutboxRelay.Settings settings;
    private Connection connection;

    OutboxStore(DataSource dataSource, OutboxRelay.Settings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    boolean connected() {
        return connection != null;
    }

    /** Opens the relay's session: limited (see {@link OutboxRelay.Settings#abandonedAfter}) and LISTENing. */
    void connect() throws SQLException {
        Connection opened = dataSource.getConnection();
        try {
            opened.setAutoCommit(true);
            limitSession(opened, settings);
            try (Statement listen = opened.createStatement()) {
                listen.execute("LISTEN " + Outbox.CHANNEL);
            }
            opened.unwrap(PGConnection.class);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
        connection = opened;
    }

    /**
     * Bounds what a relay session can hold on to: see {@link OutboxRelay.Settings#abandonedAfter}. Set per session,
     * so that nothing is asked of the database's configuration.
     */
    static void limitSession(Connection connection, OutboxRelay.Settings settings) throws SQLException {
        long millis = settings.abandonedAfter().toMillis();
        try (Statement limits = connection.createStatement()) {
            limits.execute("SET idle_in_transaction_session_timeout = " + millis);
            limits.execute("SET statement_timeout = " + millis);
        }
    }

    void disconnect() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    void begin() throws SQLException {
        connection.setAutoCommit(false);
    }

    void commit() throws SQLException {
        connection.commit();
    }

    /** Ends the round's transaction, rolling back what was not committed; the session goes back to auto-commit. */
    void endRound(boolean committed) throws SQLException {
        if (!committed) {
            try {
                connection.rollback();
            } catch (SQLException e) {
                // The session is gone or broken: the caller finds out at the next statement.
            }
        }
        connection.setAutoCommit(true);
    }

    /** @return the buckets this relay now holds until the end of the round; those another relay holds are skipped */
    List<Integer> lockBuckets() throws SQLException {
        List<Integer> buckets = new ArrayList<>(BUCKETS);
        try (Statement lock = connection.createStatement(); ResultSet rows = lock.executeQuery(LOCK_BUCKETS)) {
            while (rows.next()) {
                buckets.add(rows.getInt(1));
            }
        }
        return buckets;
    }

    /** The oldest unsent rows of these buckets, not behind a parked row of their key, locked until the end of the round. */
    List<OutboxRow> claim(List<Integer> buckets) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            Array bucketArray = connection.createArrayOf("int2", buckets.toArray());
            claim.setArray(1, bucketArray);
            claim.setInt(2, settings.batchSize());
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(
                            result.getLong(1),
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getString(5),
                            result.getString(6),
                            result.getString(7),
                            result.getString(8),
                            result.getString(9),
                            result.getObject(10, OffsetDateTime.class).toInstant(),
                            result.getString(11),
                            result.getString(12)));
                }
            }
        }
        return rows;
    }

    void markSent(List<OutboxRow> rows) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
            mark.setArray(1, connection.createArrayOf("int8", rows.stream().map(OutboxRow::sequence).toArray()));
            mark.executeUpdate();
        }
    }

    /** Moves the row to {@code event_outbox_parked}, with why Kafka refused it. */
    void park(OutboxRow row, String reason) throws SQLException {
        try (PreparedStatement park = connection.prepareStatement(PARK)) {
            park.setLong(1, row.sequence());
            park.setString(2, reason);
            park.executeUpdate();
        }
    }

    /** Deletes sent rows older than the retention, chunk by chunk while {@code goOn} holds. */
    int purgeSent(Duration retention, BooleanSupplier goOn) throws SQLException {
        int deleted;
        int total = 0;
        try (PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setLong(1, retention.toMillis());
            do {
                deleted = purge.executeUpdate();
                total += deleted;
            } while (deleted == PURGE_CHUNK && goOn.getAsBoolean());
        }
        return total;
    }

    Backlog backlog() throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet result = query.executeQuery(BACKLOG)) {
            result.next();
            return new Backlog(result.getLong(1), Math.round(result.getDouble(2) * 1000));
        }
    }

    long parked() throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet result = query.executeQuery(PARKED)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Whether a NOTIFY on {@link Outbox#CHANNEL} arrived since the last look (waits at most a millisecond). */
    boolean notified() throws SQLException {
        PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(1);
        return notifications != null && notifications.length > 0;
    }

    /** Wakes every relay LISTENing on this database (a relay's own thread out of its wait, when it is closed). */
    static void notifyRelays(DataSource dataSource) throws SQLException {
        try (Connection notifier = dataSource.getConnection(); Statement notify = notifier.createStatement()) {
            if (!notifier.getAutoCommit()) {
                notifier.setAutoCommit(true);
            }
            notify.execute("NOTIFY " + Outbox.CHANNEL);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The connection is being discarded; nothing depends on a clean close.
        }
    }
}
