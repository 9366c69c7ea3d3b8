package org.parley.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Real Apache Kafka (KRaft, one node) and real PostgreSQL, one database per service, on one machine
 * and without Docker. The local run, the integration tests and the end-to-end tests all start Parley's
 * infrastructure through this class.
 */
public final class DevStack implements AutoCloseable {

    /** The databases every stack has: one per service. */
    public static final List<String> DATABASES = List.of("party", "negotiation");

    /**
     * @param dataDir   where Kafka and PostgreSQL keep their data
     * @param ephemeral delete {@code dataDir} on close (tests), or keep it across restarts (the local run)
     */
    public record Settings(Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort, int issuerPort, boolean ephemeral) {

        public static final int DEFAULT_KAFKA_PORT = 19092;
        public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 19093;
        public static final int DEFAULT_POSTGRES_PORT = 15432;
        public static final int DEFAULT_ISSUER_PORT = 18080;

        /** Without a chosen issuer port: the issuer takes a free one. */
        public Settings(Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort, boolean ephemeral) {
            this(dataDir, kafkaPort, kafkaControllerPort, postgresPort, Ports.free(), ephemeral);
        }

        /** The local run: fixed, well-known ports and data kept under the user's home. */
        public static Settings local(Path dataDir) {
            return new Settings(dataDir, DEFAULT_KAFKA_PORT, DEFAULT_KAFKA_CONTROLLER_PORT, DEFAULT_POSTGRES_PORT, DEFAULT_ISSUER_PORT, false);
        }

        /** Tests: free ports and a throw-away directory, so that several test JVMs can run side by side. */
        public static Settings throwaway() {
            try {
                return new Settings(Files.createTempDirectory("parley-devstack-"), Ports.free(), Ports.free(), Ports.free(), Ports.free(), true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Path defaultDataDir() {
            return Path.of(System.getProperty("user.home"), ".parley", "devstack");
        }
    }

    private final Settings settings;
    private final KafkaBroker kafka;
    private final Postgres postgres;
    private DevIssuer issuer;

    private DevStack(Settings settings) {
        this.settings = settings;
        this.kafka = new KafkaBroker(settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        // The binaries are a cache shared by every stack of this user; only the data is per stack.
        Path binaries = Path.of(System.getProperty("user.home"), ".cache", "parley", "postgres-binaries");
        this.postgres = new Postgres(settings.dataDir().resolve("postgres"), binaries, settings.postgresPort());
    }

    /** Starts PostgreSQL, then Kafka, then the dev token issuer; on any failure nothing is left running. */
    public static DevStack start(Settings settings) {
        DevStack stack = new DevStack(settings);
        try {
            stack.postgres.start();
            DATABASES.forEach(stack.postgres::ensureDatabase);
            stack.kafka.start();
            stack.issuer = DevIssuer.start(settings.dataDir(), settings.issuerPort());
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    /** The dev token issuer: its URL is the {@code iss} of its tokens, its JWKS what services verify with. */
    public DevIssuer issuer() {
        return issuer;
    }

    public String databaseUser() {
        return Postgres.USER;
    }

    /** Creates a database beyond {@link #DATABASES}, for tests that want one to themselves. */
    public void ensureDatabase(String name) {
        postgres.ensureDatabase(name);
    }

    /** Stops the broker and keeps its data, so tests can show that writes survive an outage. */
    public void stopKafka() {
        kafka.stop();
    }

    public void startKafka() {
        kafka.start();
    }

    /** Stops PostgreSQL and keeps its data, so tests can show that the services reconnect without a restart. */
    public void stopPostgres() {
        postgres.stop();
    }

    /** Starts PostgreSQL again on the same port and data. */
    public void startPostgres() {
        postgres.start();
    }

    public boolean kafkaRunning() {
        return kafka.running();
    }

    public boolean postgresRunning() {
        return postgres.running();
    }

    public Path kafkaLog() {
        return kafka.log();
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        if (issuer != null) {
            issuer.close();
        }
        try {
            kafka.stop();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            postgres.stop();
        } catch (RuntimeException e) {
            failure = failure == null ? e : failure;
        }
        if (settings.ephemeral()) {
            deleteRecursively(settings.dataDir());
        }
        if (failure != null) {
            throw failure;
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
