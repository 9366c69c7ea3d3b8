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
 * if (Inbox.markApplied(connection, "negotiation-service.parties", event.id())) {
 *     apply(event.payload());
 * }
 * }</pre>
 */
public final class Inbox {

    private static final String MARK = "INSERT INTO event_inbox (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING";

    private Inbox() {
    }

    /**
     * @param consumer a stable name for the effect, e.g. {@code negotiation-service.party-copy}; two consumers
     *                 of the same event with different effects need different names
     * @return true if this is the first time; false if the consumer already applied the event (skip it)
     */
    public static boolean markApplied(Connection connection, String consumer, String eventId) {
        try {
            if (connection.getAutoCommit()) {
                throw new IllegalStateException("Inbox.markApplied must run in the transaction of the effect, "
                        + "but the connection is in auto-commit mode");
            }
            try (PreparedStatement mark = connection.prepareStatement(MARK)) {
                mark.setString(1, consumer);
                mark.setString(2, eventId);
                return mark.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            throw new EventBusException("Could not record event " + eventId + " in the inbox of " + consumer, e);
        }
    }
}
