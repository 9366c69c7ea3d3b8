package org.parley.devstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * One stack per JVM, started on first use and closed when the JVM exits, whether the tests passed or not.
 * Quarkus may load this class in more than one class loader (one per application restart), so the
 * started stack is published as system properties and reused from there.
 */
public final class SharedDevStack {

    static final String KAFKA = "parley.devstack.kafka";
    static final String JDBC_BASE = "parley.devstack.jdbc-base";
    static final String ISSUER = "parley.devstack.issuer";
    static final String ISSUER_KEY = "parley.devstack.issuer-key";

    private static DevStack stack;
    private static DevTokens tokens;

    private SharedDevStack() {
    }

    /** The stack of this JVM, if it was started in this class loader: the handle to stop or restart Kafka. */
    public static synchronized DevStack get() {
        if (stack == null) {
            if (System.getProperty(KAFKA) != null) {
                throw new IllegalStateException("The shared stack was started in another class loader; use connection() instead");
            }
            stack = DevStack.start(DevStack.Settings.throwaway());
            DevStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "parley-devstack-shutdown"));
            System.setProperty(KAFKA, started.kafkaBootstrapServers());
            System.setProperty(JDBC_BASE, started.jdbcUrl(""));
            System.setProperty(ISSUER, started.issuer().url());
            System.setProperty(ISSUER_KEY, DevIssuer.keyFile(started.settings().dataDir()).toString());
        }
        return stack;
    }

    /** Where the shared stack listens, starting it if no class loader has. */
    public static synchronized Connection connection() {
        synchronized (System.getProperties()) {
            if (System.getProperty(KAFKA) == null) {
                get();
            }
        }
        return new Connection(System.getProperty(KAFKA), System.getProperty(JDBC_BASE), System.getProperty(ISSUER),
                Path.of(System.getProperty(ISSUER_KEY)));
    }

    /**
     * The shared stack's dev issuer, to sign tokens with in any class loader (see {@link DevTokens}). Its key
     * is read once per class loader, not on every request a test signs.
     */
    public static synchronized DevTokens tokens() {
        if (tokens == null) {
            Connection stack = connection();
            tokens = DevTokens.load(stack.issuerKey(), stack.issuerUrl());
        }
        return tokens;
    }

    /**
     * @param issuerUrl the dev issuer's URL, the {@code iss} of its tokens
     * @param issuerKey its key pair, so that tests can sign tokens it would not hand out (expired, chosen subject)
     */
    public record Connection(String kafkaBootstrapServers, String jdbcBase, String issuerUrl, Path issuerKey) {
        public String jdbcUrl(String database) {
            return jdbcBase + database;
        }

        /** The environment of party-service or negotiation-service launched on this stack with {@code database}. */
        public Map<String, String> serviceEnvironment(String database) {
            return ParleyServices.serviceEnvironment(kafkaBootstrapServers, jdbcUrl(database), issuerUrl);
        }

        /** The environment of a gateway launched on this stack, routing to these services. */
        public Map<String, String> gatewayEnvironment(String partyServiceUrl, String negotiationServiceUrl) {
            return ParleyServices.gatewayEnvironment(kafkaBootstrapServers, issuerUrl, partyServiceUrl, negotiationServiceUrl);
        }
    }
}
