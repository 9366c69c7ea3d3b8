package org.parley.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.events.support.TestDatabase;
import org.parley.events.support.TestEvents;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The caller's statements that ride with an append, against real PostgreSQL. */
class OutboxAlongsideTest {

    private static final Outbox OUTBOX = new Outbox("parley/test", new ObjectMapper(), connection -> { });

    @BeforeAll
    static void probeTable() {
        TestDatabase.inTransaction(connection -> connection.createStatement()
                .execute("CREATE TABLE IF NOT EXISTS alongside_probe (note text NOT NULL, event_id uuid, outbox_sequence bigint)"));
    }

    /** A statement that records a note, and, when it runs after the append, the event's id and outbox sequence. */
    private record Probe(String sql, String note, List<Integer> counts) implements Outbox.Alongside {

        static Probe before(String note, List<Integer> counts) {
            return new Probe("INSERT INTO alongside_probe (note) VALUES (?)", note, counts);
        }

        static Probe after(String note, List<Integer> counts) {
            return new Probe("INSERT INTO alongside_probe (note, event_id, outbox_sequence) SELECT ?, id, sequence FROM event_outbox WHERE id = ?",
                    note, counts);
        }

        @Override
        public int bind(PreparedStatement statement, int first, UUID eventId) throws SQLException {
            statement.setString(first, note);
            if (sql.contains("event_outbox")) {
                statement.setObject(first + 1, eventId);
                return 2;
            }
            return 1;
        }

        @Override
        public void done(int updateCount) {
            counts.add(updateCount);
        }
    }

    @Test
    void theCallersStatementsRunInOrderAroundTheEventInItsTransaction() {
        UUID negotiation = UUID.randomUUID();
        String note = "note " + negotiation;
        List<Integer> counts = new ArrayList<>();
        UUID[] event = new UUID[1];
        TestDatabase.inTransaction(connection -> event[0] = OUTBOX.append(connection, TestEvents.statement(negotiation, "said"), null,
                List.of(Probe.before(note + " before", counts)), List.of(Probe.after(note + " after", counts), Probe.after(note + " last", counts))));

        assertEquals(List.of(1, 1, 1), counts, "each statement's update count, in order");
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM alongside_probe WHERE note = ? AND event_id IS NULL", note + " before"));
        // Run after the append, in its transaction: they saw the event's row.
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM alongside_probe p JOIN event_outbox o ON o.id = p.event_id AND o.sequence = p.outbox_sequence"
                + " WHERE p.note = ? AND o.id = ?", note + " after", event[0]));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM alongside_probe WHERE note = ? AND event_id = ?", note + " last", event[0]));
        assertEquals(1, TestDatabase.count("SELECT count(*) FROM event_outbox WHERE message_key = ?", negotiation.toString()));
    }

    @Test
    void aChangeThatDidNotApplyRefusesTheAppendAndRollsBackWithIt() {
        UUID negotiation = UUID.randomUUID();
        String note = "note " + negotiation;
        Outbox.Alongside nothingChanged = new Outbox.Alongside() {
            @Override
            public String sql() {
                return "UPDATE alongside_probe SET note = note WHERE note = ?";
            }

            @Override
            public int bind(PreparedStatement statement, int first, UUID eventId) throws SQLException {
                statement.setString(first, "no such " + note);
                return 1;
            }

            @Override
            public void done(int updateCount) {
                if (updateCount == 0) {
                    throw new IllegalStateException("stale");
                }
            }
        };

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> TestDatabase.inTransaction(connection ->
                OUTBOX.append(connection, TestEvents.statement(negotiation, "never said"), null, List.of(nothingChanged),
                        List.of(Probe.after(note, new ArrayList<>())))));

        assertEquals("stale", refused.getMessage());
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM event_outbox WHERE message_key = ?", negotiation.toString()));
        assertEquals(0, TestDatabase.count("SELECT count(*) FROM alongside_probe WHERE note = ?", note));
    }
}
