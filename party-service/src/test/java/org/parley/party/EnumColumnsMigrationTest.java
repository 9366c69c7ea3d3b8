package org.parley.party;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V202612021400 on rows written the way the service wrote them before it (wire names), in a schema of its own
 * migrated up to the version just before and then to the end, as a deployed database is.
 */
@QuarkusTest
class EnumColumnsMigrationTest {

    /** The last migration that still stored vocabulary terms by wire name. */
    static final String BEFORE = "202612021001";

    @Inject
    AgroalDataSource dataSource;

    String schema;

    @BeforeEach
    void schemaOfItsOwn() {
        schema = "enum_rewrite_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void storedWireNamesBecomeConstantNamesAndOnlyConstantNamesAreAccepted() throws SQLException {
        migrate(BEFORE);
        UUID party = UUID.randomUUID();
        UUID envoy = UUID.randomUUID();
        long xidBefore;
        try (Connection connection = connection()) {
            insertParty(connection, table("party"), party, "international_organisation", "guarantor");
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + table("envoy") + " (id, party_id, full_name, role, search_names, search_tokens, created_at, updated_at, version)"
                            + " values (?, ?, 'Rustem Umerov', 'chief_negotiator', '{rustem umerov}', '{rustem,umerov}', now(), now(), 0)")) {
                insert.setObject(1, envoy);
                insert.setObject(2, party);
                insert.executeUpdate();
            }
            xidBefore = single(connection, "select change_xid from " + table("party") + " where id = ?", party, Long.class);
        }

        migrate(null);

        try (Connection connection = connection()) {
            assertEquals("INTERNATIONAL_ORGANISATION", single(connection, "select kind from " + table("party") + " where id = ?", party, String.class));
            assertEquals("GUARANTOR", single(connection, "select conflict_role from " + table("party") + " where id = ?", party, String.class));
            assertEquals("CHIEF_NEGOTIATOR", single(connection, "select role from " + table("envoy") + " where id = ?", envoy, String.class));
            // The sync walk must see the rewritten row again: its trigger still runs.
            assertTrue(single(connection, "select change_xid from " + table("party") + " where id = ?", party, Long.class) > xidBefore);

            SQLException refused = assertThrows(SQLException.class, () -> insertParty(connection, table("party"), UUID.randomUUID(), "state", "BELLIGERENT"));
            assertEquals("23514", refused.getSQLState(), refused::getMessage);
            insertParty(connection, table("party"), UUID.randomUUID(), "STATE", "BELLIGERENT");
        }
    }

    private void migrate(String target) {
        var configuration = Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration", "classpath:db/api-support");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    /** Tables are named with their schema: a search_path set here would stay with the pooled connection. */
    private Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    private String table(String name) {
        return schema + "." + name;
    }

    private static void insertParty(Connection connection, String table, UUID id, String kind, String conflictRole) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + table + " (id, slug, name, kind, conflict_role, created_at, updated_at, version) values (?, ?, 'Rewritten', ?, ?, now(), now(), 0)")) {
            insert.setObject(1, id);
            insert.setString(2, "p-" + id.toString().substring(0, 8));
            insert.setString(3, kind);
            insert.setString(4, conflictRole);
            insert.executeUpdate();
        }
    }

    private static <T> T single(Connection connection, String sql, UUID id, Class<T> type) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), sql);
                return row.getObject(1, type);
            }
        }
    }
}
