package org.parley.events;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Tells "the database cannot be reached" from every other failure, by the cause chain, so that an outage is
 * not blamed on what happened to be in hand when it struck: a request gets 503 with Retry-After (api-support's
 * {@code ProblemMappers}) instead of 500, and {@link EventConsumer} waits for the database instead of counting
 * the outage against a record's tries and parking a record that is fine.
 *
 * <p>An outage is any {@link SQLException} in the chain (causes and {@link SQLException#getNextException()})
 * that is one of:
 * <ul>
 *   <li>a {@link SQLTransientConnectionException} (the JDBC type for "no connection now");</li>
 *   <li>SQLState class {@code 08}, connection exception (refused, broken, lost mid-statement);</li>
 *   <li>SQLState {@code 57P01} admin shutdown, {@code 57P02} crash shutdown, {@code 57P03} cannot connect now
 *       (the server is starting or stopping);</li>
 *   <li>Agroal's pool timeout: a plain {@link SQLException} without SQLState whose message says
 *       "acquisition timeout" (Agroal 2/3: "Acquisition timeout while waiting for new connection",
 *       "Sorry, acquisition timeout!"), raised when no connection could be had from the pool in time.</li>
 * </ul>
 * Plain Java (java.sql only), so that api-support can use it without depending on Kafka.
 */
public final class DatabaseOutage {

    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    /** @return true when a cause of {@code failure} (or the failure itself) says the database is unreachable */
    public static boolean isCauseOf(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>();
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty()) {
            Throwable current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof SQLException sql) {
                if (isOutage(sql)) {
                    return true;
                }
                if (sql.getNextException() != null) {
                    pending.add(sql.getNextException());
                }
            }
            if (current.getCause() != null) {
                pending.add(current.getCause());
            }
        }
        return false;
    }

    private static boolean isOutage(SQLException e) {
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        if (state != null) {
            return state.startsWith("08") || SHUTDOWN_STATES.contains(state);
        }
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
