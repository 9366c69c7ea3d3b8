package org.parley.devstack;

/**
 * One stack per JVM, started on first use and closed when the JVM exits, whether the tests passed or not.
 * Quarkus may load this class in more than one class loader (one per application restart), so the
 * started stack is published as system properties and reused from there.
 */
public final class SharedDevStack {

    static final String KAFKA = "parley.devstack.kafka";
    static final String JDBC_BASE = "parley.devstack.jdbc-base";

    private static DevStack stack;

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
        return new Connection(System.getProperty(KAFKA), System.getProperty(JDBC_BASE));
    }

    public record Connection(String kafkaBootstrapServers, String jdbcBase) {
        public String jdbcUrl(String database) {
            return jdbcBase + database;
        }
    }
}
