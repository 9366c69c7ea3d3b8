package org.parley.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last-resort mapper: an unreachable database is 503 with Retry-After, anything else unexplained a 500. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void anUnreachableDatabaseIsServiceUnavailableWithRetryAfter() {
        // As Quarkus reports a transaction whose pool had no connection in time.
        Response response = mappers.unexpected(new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Acquisition timeout while waiting for new connection")), null);

        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(String.valueOf(ProblemMappers.DATABASE_RETRY_AFTER_SECONDS), String.valueOf(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)));
        Problem problem = (Problem) response.getEntity();
        assertEquals(ProblemType.SERVICE_UNAVAILABLE.uri(), problem.type());
        assertEquals(503, problem.status());

        assertEquals(503, mappers.unexpected(new RuntimeException(new SQLTransientConnectionException("down")), null).getStatus());
        assertEquals(503, mappers.unexpected(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")), null).getStatus());
    }

    @Test
    void otherUnexpectedFailuresStayInternalErrorsWithoutRetryAfter() {
        Response response = mappers.unexpected(new RuntimeException(new SQLException("ERROR: relation \"party\" does not exist", "42P01")), null);

        assertEquals(500, response.getStatus());
        assertEquals(ProblemType.INTERNAL.uri(), ((Problem) response.getEntity()).type());
        assertNull(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertEquals(500, mappers.unexpected(new NullPointerException(), null).getStatus());
    }

    @Test
    void aConstraintTheServiceDidNotAnticipateIsAConflictAndAnUnstorableValueABadRequest() {
        // As pgjdbc reports a unique key taken by a concurrent write, wrapped as Hibernate and JTA wrap it.
        Response taken = mappers.unexpected(new RuntimeException("could not execute statement", new SQLException(
                "ERROR: duplicate key value violates unique constraint \"party_slug_key\"\n  Detail: Key (slug)=(x) already exists.", "23505")), null);
        assertEquals(409, taken.getStatus());
        Problem conflict = (Problem) taken.getEntity();
        assertEquals(ProblemType.CONFLICT.uri(), conflict.type());
        assertTrue(conflict.detail().contains("party_slug_key"), conflict.detail());

        Response unstorable = mappers.unexpected(new RuntimeException(new SQLException("ERROR: value too long for type character varying(200)", "22001")), null);
        assertEquals(400, unstorable.getStatus());
        Problem bad = (Problem) unstorable.getEntity();
        assertEquals(ProblemType.BAD_REQUEST.uri(), bad.type());
        assertEquals("A value cannot be stored: value too long for type character varying(200)", bad.detail());
    }
}
