package org.parley.events;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutageTest {

    @Test
    void connectionFailuresAnywhereInTheCauseChainAreAnOutage() {
        // As Hibernate and Quarkus wrap them: the SQLException is a cause, not the failure itself.
        assertTrue(DatabaseOutage.isCauseOf(new IllegalStateException("tx", new RuntimeException("jdbc",
                new PSQLException("Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT)))));
        assertTrue(DatabaseOutage.isCauseOf(new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE)));
        assertTrue(DatabaseOutage.isCauseOf(new SQLTransientConnectionException("no connection")));
        assertTrue(DatabaseOutage.isCauseOf(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutage.isCauseOf(new SQLException("the database system is shutting down", "57P03")));
        assertTrue(DatabaseOutage.isCauseOf(new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(DatabaseOutage.isCauseOf(new SQLException("Sorry, acquisition timeout!")));
        SQLException batch = new SQLException("Batch entry 0 was aborted", "08006");
        SQLException first = new SQLException("batch failed", (String) null);
        first.setNextException(batch);
        assertTrue(DatabaseOutage.isCauseOf(first), "an outage reported as the next exception of a batch");
    }

    @Test
    void recordAndRequestFaultsAreNot() {
        assertFalse(DatabaseOutage.isCauseOf(null));
        assertFalse(DatabaseOutage.isCauseOf(new IllegalStateException("the handler fails")));
        assertFalse(DatabaseOutage.isCauseOf(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.isCauseOf(new SQLException("value too long", "22001")));
        assertFalse(DatabaseOutage.isCauseOf(new SQLException("canceling statement due to statement timeout", "57014")));
        assertFalse(DatabaseOutage.isCauseOf(new SQLException("a trigger refuses it", "P0001")));
        assertFalse(DatabaseOutage.isCauseOf(new SQLException("no SQLState, no outage")));
        RuntimeException loop = new RuntimeException("a cause chain with a cycle");
        RuntimeException other = new RuntimeException(loop);
        loop.initCause(other);
        assertFalse(DatabaseOutage.isCauseOf(loop));
    }
}
