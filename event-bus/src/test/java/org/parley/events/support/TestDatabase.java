package org.parley.events.support;

import org.flywaydb.core.Flyway;
import org.parley.devstack.DevStack;
import org.parley.devstack.SharedDevStack;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The event-bus tests' own database on the shared stack, migrated with Flyway from db/event-bus as the
 * services do. The outbox table is shared by every test in the JVM, so tests assert only on their own ids.
 */
public final class TestDatabase {

    private static final String SHARED = "eventbus_test";
    private static final Map<String, DataSource> DATA_SOURCES = new HashMap<>();

    private TestDatabase() {
    }

    /** The database most tests share. */
    public static DataSource dataSource() {
        return dataSource(SHARED);
    }

    /** A database of its own, for a test that must see no other test's outbox rows. */
    public static synchronized DataSource dataSource(String name) {
        DataSource existing = DATA_SOURCES.get(name);
        if (existing != null) {
            return existing;
        }
        DevStack stack = SharedDevStack.get();
        stack.ensureDatabase(name);
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setURL(stack.jdbcUrl(name));
        pg.setUser(stack.databaseUser());
        pg.setPassword("");
        Flyway.configure().dataSource(pg).locations("classpath:db/event-bus").load().migrate();
        inTransaction(pg, connection -> {
            try (var create = connection.createStatement()) {
                // A consumer's effect without a unique constraint, so that an effect applied twice shows.
                create.execute("""
                        CREATE TABLE IF NOT EXISTS test_effect (
                            consumer   text        NOT NULL,
                            event_id   text        NOT NULL,
                            applied_at timestamptz NOT NULL DEFAULT clock_timestamp())""");
            }
        });
        DATA_SOURCES.put(name, pg);
        return pg;
    }

    @FunctionalInterface
    public interface Work {
        void execute(Connection connection) throws Exception;
    }

    public static void inTransaction(Work work) {
        inTransaction(dataSource(), work);
    }

    public static void inTransaction(DataSource source, Work work) {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.execute(connection);
                connection.commit();
            } catch (Exception e) {
                connection.rollback();
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... parameters) {
        return count(dataSource(), sql, parameters);
    }

    public static long count(DataSource source, String sql, Object... parameters) {
        try (Connection connection = source.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean outboxRowExists(UUID id) {
        return count("SELECT count(*) FROM event_outbox WHERE id = ?", id) > 0;
    }
}
