package org.parley.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The operator's side of parked events: what the relay parked because Kafka refused it for good
 * ({@code event_outbox_parked}), and what a consumer parked after its tries ({@code event_inbox_parked}).
 * <p>
 * Retrying an outbox row puts it back in the outbox under its old sequence, so it is published before the
 * rows of its key that waited behind it; discarding it lets those go. Retrying a consumer's parked record
 * hands it to that consumer's handler again (the inbox still skips it if it was applied after all).
 */
public final class ParkedEvents {

    /** How the reason of a record parked for its unknown type begins. */
    static final String UNKNOWN_TYPE = "unknown event type: this build does not know ";

    /** An outbox row the relay parked. */
    public record ParkedOutboxRow(UUID id, String topic, String key, String type, Instant createdAt, Instant parkedAt, String reason) {
    }

    /** A record a consumer parked. */
    public record ParkedRecord(String consumer, String topic, int partition, long offset, String key, String eventId,
                               String eventType, Instant parkedAt, String reason, boolean retryRequested) {
    }

    private static final String LIST_INBOX = """
            SELECT consumer, topic, kafka_partition, kafka_offset, message_key, event_id, event_type, parked_at, reason,
                   retry_requested_at IS NOT NULL
            FROM event_inbox_parked ORDER BY parked_at LIMIT ?""";
    private static final String RETRY_INBOX = """
            UPDATE event_inbox_parked SET retry_requested_at = clock_timestamp()
            WHERE consumer = ? AND topic = ? AND kafka_partition = ? AND kafka_offset = ?""";
    private static final String DISCARD_INBOX = """
            DELETE FROM event_inbox_parked WHERE consumer = ? AND topic = ? AND kafka_partition = ? AND kafka_offset = ?""";
    private static final String LIST_OUTBOX = """
            SELECT id, topic, message_key, event_type, created_at, parked_at, reason
            FROM event_outbox_parked ORDER BY sequence LIMIT ?""";
    private static final String RETRY_OUTBOX = """
            WITH parked AS (DELETE FROM event_outbox_parked WHERE id = ? RETURNING *)
            INSERT INTO event_outbox (sequence, id, topic, message_key, event_type, source, subject, data_schema, payload, created_at,
                                      actor, change_reason)
            SELECT sequence, id, topic, message_key, event_type, source, subject, data_schema, payload, created_at,
                   actor, change_reason FROM parked""";
    private static final String DISCARD_OUTBOX = "DELETE FROM event_outbox_parked WHERE id = ?";

    private final DataSource dataSource;

    public ParkedEvents(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The oldest parked outbox rows, at most {@code limit}. */
    public List<ParkedOutboxRow> outbox(int limit) throws SQLException {
        List<ParkedOutboxRow> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement list = connection.prepareStatement(LIST_OUTBOX)) {
            list.setInt(1, limit);
            try (ResultSet result = list.executeQuery()) {
                while (result.next()) {
                    rows.add(new ParkedOutboxRow(result.getObject(1, UUID.class), result.getString(2), result.getString(3),
                            result.getString(4), result.getObject(5, OffsetDateTime.class).toInstant(),
                            result.getObject(6, OffsetDateTime.class).toInstant(), result.getString(7)));
                }
            }
        }
        return rows;
    }

    /**
     * Puts a parked row back in the outbox (after the cause was fixed, e.g. the topic's {@code max.message.bytes}
     * raised); the relay publishes it, then its key's rows that waited. False when no row is parked under that id.
     */
    public boolean retryOutbox(UUID eventId) throws SQLException {
        return update(RETRY_OUTBOX, eventId);
    }

    /** Gives up a parked row for good; its key's waiting rows go on. False when no row is parked under that id. */
    public boolean discardOutbox(UUID eventId) throws SQLException {
        return update(DISCARD_OUTBOX, eventId);
    }

    /** The oldest records consumers parked, at most {@code limit}. */
    public List<ParkedRecord> inbox(int limit) throws SQLException {
        List<ParkedRecord> records = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement list = connection.prepareStatement(LIST_INBOX)) {
            list.setInt(1, limit);
            try (ResultSet r = list.executeQuery()) {
                while (r.next()) {
                    records.add(new ParkedRecord(r.getString(1), r.getString(2), r.getInt(3), r.getLong(4), r.getString(5),
                            r.getString(6), r.getString(7), r.getObject(8, OffsetDateTime.class).toInstant(), r.getString(9), r.getBoolean(10)));
                }
            }
        }
        return records;
    }

    /**
     * Asks the consumer to hand a parked record to its handler again (within a few seconds); it stays parked
     * if it fails again. It is applied after the events that followed it on its key: fine for effects ordered
     * by a version carried in the event, as the party copy is. False when no such record is parked.
     */
    public boolean retryInbox(String consumer, String topic, int partition, long offset) throws SQLException {
        return update(RETRY_INBOX, consumer, topic, partition, offset);
    }

    /** Gives up a parked record for good. False when no such record is parked. */
    public boolean discardInbox(String consumer, String topic, int partition, long offset) throws SQLException {
        return update(DISCARD_INBOX, consumer, topic, partition, offset);
    }

    private boolean update(String sql, String consumer, String topic, int partition, long offset) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            statement.setString(1, consumer);
            statement.setString(2, topic);
            statement.setInt(3, partition);
            statement.setLong(4, offset);
            return statement.executeUpdate() == 1;
        }
    }

    private boolean update(String sql, UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            statement.setObject(1, eventId);
            boolean changed = statement.executeUpdate() == 1;
            if (changed) {
                // The row, or the rows of its key that waited behind it, can go now: wake the relays.
                try (java.sql.Statement notify = connection.createStatement()) {
                    notify.execute("NOTIFY " + Outbox.CHANNEL);
                }
            }
            return changed;
        }
    }

    /**
     * The consumer's side: parks a record it gave up on, and takes back the ones an operator asked to retry.
     * The record is kept as it was read (value and headers), so nothing of it is lost, whatever its type.
     */
    public static final class Store {

        private static final String PARK = """
                INSERT INTO event_inbox_parked (consumer, topic, kafka_partition, kafka_offset, message_key, event_id,
                                                event_type, record_value, record_headers, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?)
                ON CONFLICT (consumer, topic, kafka_partition, kafka_offset)
                DO UPDATE SET reason = excluded.reason, parked_at = clock_timestamp(), retry_requested_at = NULL""";
        private static final String TAKE_RETRIES = """
                UPDATE event_inbox_parked SET retry_requested_at = NULL
                WHERE consumer = ? AND retry_requested_at IS NOT NULL
                RETURNING topic, kafka_partition, kafka_offset, message_key, record_value, record_headers""";
        private static final String UNPARK = """
                DELETE FROM event_inbox_parked WHERE consumer = ? AND topic = ? AND kafka_partition = ? AND kafka_offset = ?""";
        private static final String FAILED_AGAIN = """
                UPDATE event_inbox_parked SET reason = ?, parked_at = clock_timestamp()
                WHERE consumer = ? AND topic = ? AND kafka_partition = ? AND kafka_offset = ?""";
        private static final String UNKNOWN_TYPES = """
                SELECT DISTINCT event_type FROM event_inbox_parked
                WHERE consumer = ? AND reason LIKE '%' || ? || '%' AND event_type IS NOT NULL""";
        private static final String REQUEST_RETRY_OF_TYPES = """
                UPDATE event_inbox_parked SET retry_requested_at = clock_timestamp()
                WHERE consumer = ? AND event_type = ANY (?) AND retry_requested_at IS NULL""";
        private static final ObjectMapper JSON = new ObjectMapper();

        private final DataSource dataSource;

        public Store(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        void park(String consumer, ConsumerRecord<String, byte[]> record, Exception failure) throws SQLException {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
            }
            try (Connection connection = dataSource.getConnection(); PreparedStatement park = connection.prepareStatement(PARK)) {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                park.setString(1, consumer);
                park.setString(2, record.topic());
                park.setInt(3, record.partition());
                park.setLong(4, record.offset());
                park.setString(5, record.key());
                park.setString(6, headers.get("ce_id"));
                park.setString(7, headers.get("ce_type"));
                park.setBytes(8, record.value());
                park.setString(9, JSON.writeValueAsString(headers));
                park.setString(10, String.valueOf(failure));
                park.executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Asks for a retry of the records parked for a type this build knows; returns how many. */
        int retryKnownTypes(String consumer) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                List<String> known = new ArrayList<>();
                try (PreparedStatement types = connection.prepareStatement(UNKNOWN_TYPES)) {
                    types.setString(1, consumer);
                    types.setString(2, UNKNOWN_TYPE);
                    try (ResultSet r = types.executeQuery()) {
                        while (r.next()) {
                            if (EventCatalog.knows(r.getString(1))) {
                                known.add(r.getString(1));
                            }
                        }
                    }
                }
                if (known.isEmpty()) {
                    return 0;
                }
                try (PreparedStatement request = connection.prepareStatement(REQUEST_RETRY_OF_TYPES)) {
                    request.setString(1, consumer);
                    request.setArray(2, connection.createArrayOf("text", known.toArray()));
                    return request.executeUpdate();
                }
            }
        }

        /** Hands each record an operator asked to retry to {@code handler}, which returns its failure or null. */
        void retryRequested(String consumer, Function<ConsumerRecord<String, byte[]>, Exception> handler) throws SQLException {
            List<ConsumerRecord<String, byte[]>> taken = new ArrayList<>();
            try (Connection connection = dataSource.getConnection(); PreparedStatement take = connection.prepareStatement(TAKE_RETRIES)) {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                take.setString(1, consumer);
                try (ResultSet r = take.executeQuery()) {
                    while (r.next()) {
                        RecordHeaders headers = new RecordHeaders();
                        Map<String, String> stored = JSON.readValue(r.getString(6), new TypeReference<Map<String, String>>() { });
                        stored.forEach((k, v) -> headers.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
                        taken.add(new ConsumerRecord<>(r.getString(1), r.getInt(2), r.getLong(3), ConsumerRecord.NO_TIMESTAMP,
                                TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE,
                                r.getString(4), r.getBytes(5), headers, Optional.empty()));
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            for (ConsumerRecord<String, byte[]> record : taken) {
                Exception failure = handler.apply(record);
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement after = connection.prepareStatement(failure == null ? UNPARK : FAILED_AGAIN)) {
                    if (!connection.getAutoCommit()) {
                        connection.setAutoCommit(true);
                    }
                    int i = 1;
                    if (failure != null) {
                        after.setString(i++, String.valueOf(failure));
                    }
                    after.setString(i++, consumer);
                    after.setString(i++, record.topic());
                    after.setInt(i++, record.partition());
                    after.setLong(i, record.offset());
                    after.executeUpdate();
                }
            }
        }
    }
}
