package org.parley.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** A real PostgreSQL server from the zonky binaries, with its data in a directory that we choose. */
final class Postgres {

    static final String USER = "postgres";

    private final Path dataDir;
    private final Path binariesDir;
    private final int port;
    private EmbeddedPostgres server;

    Postgres(Path dataDir, Path binariesDir, int port) {
        this.dataDir = dataDir;
        this.binariesDir = binariesDir;
        this.port = port;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        Ports.requireFree(port, "PostgreSQL", "--postgres-port");
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(binariesDir);
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binariesDir.toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException | RuntimeException e) {
            server = null;
            throw new DevStackException("PostgreSQL could not start (" + firstLine(e) + "); check that " + binariesDir
                    + " is writable and that the data directory " + dataDir + " is not used by another server.", e);
        }
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new DevStackException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
        } finally {
            server = null;
        }
    }

    synchronized boolean running() {
        return server != null;
    }

    void ensureDatabase(String name) {
        ensureDatabase(jdbcUrl("postgres"), name);
    }

    static void ensureDatabase(String maintenanceJdbcUrl, String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new DevStackException("Database name '" + name + "' is not a plain lower-case identifier");
        }
        try (Connection connection = DriverManager.getConnection(maintenanceJdbcUrl, USER, "")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return; // created concurrently by another caller
            }
            throw new DevStackException("Could not create database '" + name + "': " + e.getMessage(), e);
        }
    }

    private static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
