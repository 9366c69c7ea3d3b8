package org.parley.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevStackTest {

    private Path dataDir;

    @AfterEach
    void cleanUp() {
        if (dataDir != null) {
            DevStack.deleteRecursively(dataDir);
        }
    }

    @Test
    void startsRealServersAndKeepsTheirDataAcrossARestart() throws Exception {
        dataDir = Files.createTempDirectory("devstack-test-");
        DevStack.Settings settings = new DevStack.Settings(dataDir, Ports.free(), Ports.free(), Ports.free(), false);

        String clusterId;
        try (DevStack stack = DevStack.start(settings)) {
            assertTrue(Ports.accepts(settings.kafkaPort()), "Kafka listens");
            assertTrue(Files.readString(stack.kafkaLog()).contains("Kafka Server started"));
            try (Connection db = DriverManager.getConnection(stack.jdbcUrl("party"), stack.databaseUser(), "");
                 Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE kept (note text)");
                sql.execute("INSERT INTO kept VALUES ('survives a restart')");
            }
            clusterId = clusterId(dataDir);
        }
        assertFalse(Ports.accepts(settings.kafkaPort()), "Kafka stopped");
        assertFalse(Ports.accepts(settings.postgresPort()), "PostgreSQL stopped");
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(), "no child process left");
        assertTrue(Files.isDirectory(dataDir), "a kept stack keeps its data directory");

        try (DevStack stack = DevStack.start(settings)) {
            try (Connection db = DriverManager.getConnection(stack.jdbcUrl("party"), stack.databaseUser(), "");
                 Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT note FROM kept")) {
                assertTrue(rows.next());
                assertEquals("survives a restart", rows.getString(1));
            }
            assertEquals(clusterId, clusterId(dataDir), "Kafka reuses its formatted storage");
            stack.stopKafka();
            assertFalse(Ports.accepts(settings.kafkaPort()));
            stack.startKafka();
            assertTrue(Ports.accepts(settings.kafkaPort()));
        }
    }

    @Test
    void aTakenPortGivesOneLineOfAdviceAndLeavesNothingRunning() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DevStack.Settings settings = DevStack.Settings.throwaway();
            dataDir = settings.dataDir();
            DevStack.Settings clashing = new DevStack.Settings(dataDir, taken.getLocalPort(), Ports.free(), Ports.free(), true);

            DevStackException failure = assertThrows(DevStackException.class, () -> DevStack.start(clashing));

            assertTrue(failure.getMessage().contains("Port " + taken.getLocalPort() + " (Kafka) is already in use"), failure.getMessage());
            assertTrue(failure.getMessage().contains("--kafka-port"), failure.getMessage());
            assertFalse(failure.getMessage().contains("\n"), "one line");
            assertFalse(Ports.accepts(clashing.postgresPort()), "PostgreSQL, started first, was stopped again");
            assertFalse(Files.exists(dataDir), "a throw-away stack removes its directory even when start fails");
        }
    }

    @Test
    void aThrowAwayStackRemovesItsDataOnClose() throws SQLException {
        DevStack.Settings settings = DevStack.Settings.throwaway();
        dataDir = settings.dataDir();
        try (DevStack stack = DevStack.start(settings)) {
            stack.ensureDatabase("scratch");
            try (Connection db = DriverManager.getConnection(stack.jdbcUrl("scratch"), stack.databaseUser(), "")) {
                assertTrue(db.isValid(2));
            }
        }
        assertFalse(Files.exists(dataDir));
    }

    @Test
    void clusterIdsNeverLookLikeAnOption() {
        // One id in 64 would start with '-' if drawn naively, and StorageTool would take it for an option.
        for (int i = 0; i < 2_000; i++) {
            String id = KafkaBroker.clusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
        }
    }

    private static String clusterId(Path dataDir) throws IOException {
        return Files.readAllLines(dataDir.resolve("kafka/data/meta.properties")).stream()
                .filter(line -> line.startsWith("cluster.id="))
                .findFirst().orElseThrow();
    }
}
