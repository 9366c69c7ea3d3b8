package org.parley.api;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A race lost to a concurrent writer gets the answer the service's own check gives, named by constraint. */
class StoreConstraintsTest {

    private static RuntimeException violation(String constraint, String state) {
        return new RuntimeException("could not execute statement",
                new SQLException("ERROR: duplicate key value violates unique constraint \"" + constraint + "\"", state));
    }

    @Test
    void theAnticipatedConstraintGetsItsAnswer() {
        ApiException answer = assertThrows(ApiException.class, () -> StoreConstraints.flush(() -> {
            throw violation("Party_Slug_Key", "23505");
        }, Map.of("party_slug", () -> ApiException.conflict("The slug is taken"))));
        assertEquals(409, answer.status());
        assertEquals("The slug is taken", answer.getMessage());
    }

    @Test
    void anyOtherFailureGoesOnUnchanged() {
        RuntimeException other = violation("envoy_party_id_fkey", "23503");
        assertSame(other, assertThrows(RuntimeException.class,
                () -> StoreConstraints.flush(() -> { throw other; }, Map.of("party_slug", () -> ApiException.conflict("taken")))));
        RuntimeException notAConstraint = new RuntimeException(new SQLException("ERROR: deadlock detected", "40P01"));
        assertSame(notAConstraint, assertThrows(RuntimeException.class,
                () -> StoreConstraints.flush(() -> { throw notAConstraint; }, Map.of("party_slug", () -> ApiException.conflict("taken")))));
    }

    @Test
    void theRefusalIsReadFromTheSqlStateAndPostgresqlsMessage() {
        StoreRefusal check = StoreRefusal.of(new IllegalStateException(new RuntimeException(new SQLException(
                "ERROR: new row for relation \"meeting\" violates check constraint \"meeting_status_check\"", "23514")))).orElseThrow();
        assertEquals(StoreRefusal.Kind.CONSTRAINT, check.kind());
        assertEquals("meeting_status_check", check.constraint());
        assertEquals(StoreRefusal.Kind.VALUE, StoreRefusal.of(new SQLException("ERROR: invalid input syntax for type uuid", "22P02")).orElseThrow().kind());
        assertEquals(java.util.Optional.empty(), StoreRefusal.of(new SQLException("ERROR: connection lost", "08006")));
    }
}
