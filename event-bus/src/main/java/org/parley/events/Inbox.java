package org.parley.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Makes a consumer's effects idempotent: it records each applied event id in the consumer's own transaction,
 * so that an event Kafka delivers again is recognised and its effect is not applied twice.
 *
 * <pre>{@code
 * // in the transaction that applies the effect:
 * if (Inbox.markApplied(connection, "negotiation-service.parties", event)) {
 *     apply(event.payload());
 * }
 * }</pre>
 *
 * <p>Rows recorded with the event's {@link ReceivedEvent.Origin} are deleted by {@link InboxRetention} once the
 * event can no longer come back; rows recorded by id alone are kept for ever.
 */
public final class Inbox {

    private static final String MARK = "INSERT INTO event_inbox (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String MARK_WITH_ORIGIN = """
            INSERT INTO event_inbox (consumer, event_id, consumer_group, topic, kafka_partition, kafka_offset)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";

    private Inbox() {
    }

    /**
     * @param consumer a stable name for the effect, e.g. {@code negotiation-service.party-copy}; two consumers
     *                 of the same event with different effects need different names
     * @return true if this is the first time; false if the consumer already applied the event (skip it)
     */
    public static boolean markApplied(Connection connection, String consumer, String eventId) {
        return mark(connection, consumer, eventId, null);
    }

    /**
     * The same for an event read by {@link EventConsumer}, remembering where it was read, so that its row can be
     * purged once its offset is committed and the relay's re-send window has passed ({@link InboxRetention}).
     */
    public static boolean markApplied(Connection connection, String consumer, ReceivedEvent event) {
        return mark(connection, consumer, event.id(), event.origin());
    }

    private static boolean mark(Connection connection, String consumer, String eventId, ReceivedEvent.Origin origin) {
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("Inbox.markApplied must run in the transaction of the effect, "
                        + "but the connection is in auto-commit mode");
            }
            try (PreparedStatement mark = connection.prepareStatement(origin == null ? MARK : MARK_WITH_ORIGIN)) {
                mark.setString(1, consumer);
                mark.setString(2, eventId);
                if (origin != null) {
                    mark.setString(3, origin.group());
                    mark.setString(4, origin.topic());
                    mark.setInt(5, origin.partition());
                    mark.setLong(6, origin.offset());
                }
                return mark.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new EventBusException("Could not record event " + eventId + " in the inbox of " + consumer, e);
        }
    }
}
