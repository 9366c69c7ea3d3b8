package org.parley.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How a packaged Parley service is launched on a dev stack: the one place for {@code ./parley run},
 * {@link RunningParley} and the checks that launch more than one instance of a service.
 */
public final class ParleyServices {

    private ParleyServices() {
    }

    /** party-service or negotiation-service: the stack's Kafka, its own database, trusting the dev issuer. */
    public static Map<String, String> serviceEnvironment(String kafkaBootstrapServers, String jdbcUrl, String issuerUrl) {
        Map<String, String> environment = new HashMap<>(DevIssuer.trustEnvironment(issuerUrl));
        environment.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", Postgres.USER,
                "QUARKUS_DATASOURCE_PASSWORD", ""));
        return environment;
    }

    /** The gateway: the stack's Kafka, routes to these two services, trusting the dev issuer and signing the web client in with it. */
    public static Map<String, String> gatewayEnvironment(String kafkaBootstrapServers, String issuerUrl, String partyUrl, String negotiationUrl) {
        Map<String, String> environment = new HashMap<>(DevIssuer.trustEnvironment(issuerUrl));
        environment.putAll(DevIssuer.webSignInEnvironment(issuerUrl));
        environment.putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers,
                "PARLEY_GATEWAY_PARTY_SERVICE_URL", partyUrl,
                "PARLEY_GATEWAY_NEGOTIATION_SERVICE_URL", negotiationUrl));
        return environment;
    }

    /** {@code module}'s packaged jar in the checkout at {@code root}, launched as {@code instance} on {@code port}. */
    public static ServiceLauncher.Service packaged(Path root, String module, String instance, int port, Map<String, String> environment) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
        return new ServiceLauncher.Service(instance, jar, port, environment);
    }

    /** The checkout's root, found from the module a test runs in, wherever that module sits in the tree. */
    public static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("parley"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside a Parley checkout: " + Path.of("").toAbsolutePath());
    }

    /** The same on a free port, for tests. */
    public static ServiceLauncher.Service packaged(Path root, String module, String instance, Map<String, String> environment) {
        return packaged(root, module, instance, Ports.free(), environment);
    }
}
