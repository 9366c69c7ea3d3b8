package org.parley.negotiation.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.parley.events.Outbox;
import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.model.PositionStatus;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A change to a recorded position in plain JDBC: the stance's update, checked against the version the writer
 * read (its If-Match), and the timeline's new row, in one statement that rides with the change's event and
 * audit entry ({@link Outbox.Alongside}). This is the service's most frequent write; through Hibernate it cost a
 * dirty check of the session at each of its flushes, an identity insert of its own and a round trip per row.
 */
@ApplicationScoped
public class PositionWrites {

    /** Nothing is inserted into the timeline when the version no longer matches; the update count says so. */
    private static final String CHANGE = """
            WITH changed AS (
                UPDATE party_position
                SET status = ?, note = ?, sources = ?::jsonb, affected_clause_ids = ?::jsonb, recorded_at = ?, recorded_by = ?,
                    updated_at = ?, version = version + 1
                WHERE id = ? AND version = ?
                RETURNING id, status, note, sources, affected_clause_ids, recorded_at, recorded_by)
            INSERT INTO position_change (position_id, status, previous_status, note, sources, affected_clause_ids, recorded_at,
                                         recorded_by, created_at)
            SELECT id, status, ?, note, sources, affected_clause_ids, recorded_at, recorded_by, ? FROM changed""";

    /**
     * The statement that stores {@code position}'s new stance (already applied to it in memory, with the version
     * it was read at) and appends it to the timeline. When the round trip is back it raises the version in memory
     * or, if another writer changed the stance since it was read, throws {@link OptimisticLockException} (412),
     * which rolls the whole write back.
     */
    public Outbox.Alongside change(PartyPosition position, PositionStatus previous) {
        String sources = write(position.sources);
        String affected = position.affectedClauseIds == null ? null : write(position.affectedClauseIds);
        long readVersion = position.version;
        return new Outbox.Alongside() {
            @Override
            public String sql() {
                return CHANGE;
            }

            @Override
            public int bind(PreparedStatement change, int first, UUID eventId) throws SQLException {
                change.setString(first, position.status.name());
                change.setString(first + 1, position.note);
                change.setString(first + 2, sources);
                change.setString(first + 3, affected);
                change.setObject(first + 4, position.recordedAt.atOffset(ZoneOffset.UTC));
                change.setString(first + 5, position.recordedBy);
                change.setObject(first + 6, position.updatedAt.atOffset(ZoneOffset.UTC));
                change.setObject(first + 7, position.id);
                change.setLong(first + 8, readVersion);
                if (previous == null) {
                    change.setNull(first + 9, Types.VARCHAR);
                } else {
                    change.setString(first + 9, previous.name());
                }
                change.setObject(first + 10, position.updatedAt.atOffset(ZoneOffset.UTC));
                return 11;
            }

            @Override
            public void done(int updateCount) {
                if (updateCount != 1) {
                    throw new OptimisticLockException("Position " + position.id + " changed since version " + readVersion + " was read");
                }
                position.version = readVersion + 1;
            }
        };
    }

    private String write(Object value) {
        try {
            return JsonColumns.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A position's JSON column could not be written", e);
        }
    }
}
