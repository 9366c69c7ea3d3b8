package org.parley.devstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * The one test resource every service's tests use: a real Kafka and a real PostgreSQL, shared by all
 * tests of the JVM, and the dev token issuer the service under test trusts. Pass the service's database with {@code @ResourceArg(name = "database", value = "party")}.
 */
public class DevStackTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "postgres";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        SharedDevStack.Connection stack = SharedDevStack.connection();
        Postgres.ensureDatabase(stack.jdbcUrl("postgres"), database);
        Map<String, String> config = new java.util.HashMap<>(DevIssuer.trustProperties(stack.issuerUrl()));
        config.putAll(Map.of(
                "quarkus.datasource.jdbc.url", stack.jdbcUrl(database),
                "quarkus.datasource.username", Postgres.USER,
                "quarkus.datasource.password", "",
                "kafka.bootstrap.servers", stack.kafkaBootstrapServers()));
        return config;
    }

    @Override
    public void stop() {
        // The stack outlives application restarts between test profiles; a shutdown hook closes it with the JVM.
    }
}
