package org.parley.devstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole of Parley, as a client meets it: the packaged party-service, negotiation-service and gateway,
 * launched on free ports against the shared real Kafka and PostgreSQL, once for all tests of this module.
 * In the full build the three are packaged before the end-to-end tests run.
 */
public final class RunningParley implements BeforeAllCallback {

    private static final Path ROOT = projectRoot();

    private static final class Parley implements ExtensionContext.Store.CloseableResource {

        final ServiceLauncher launcher = new ServiceLauncher(Path.of("target", "parley").toAbsolutePath());
        String gatewayUrl;

        void start() {
            SharedDevStack.Connection stack = SharedDevStack.connection();
            Map<String, String> common = new java.util.HashMap<>(stack.trustEnvironment());
            common.putAll(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", ""));
            ServiceLauncher.Service party = service("party-service", with(common, "QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl("party")));
            ServiceLauncher.Service negotiation = service("negotiation-service", with(common, "QUARKUS_DATASOURCE_JDBC_URL", stack.jdbcUrl("negotiation")));
            Map<String, String> routes = new java.util.HashMap<>(stack.trustEnvironment());
            routes.putAll(DevIssuer.webSignInEnvironment(stack.issuerUrl()));
            routes.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                    "PARLEY_GATEWAY_PARTY_SERVICE_URL", party.url(), "PARLEY_GATEWAY_NEGOTIATION_SERVICE_URL", negotiation.url()));
            ServiceLauncher.Service gateway = service("gateway", routes);
            // The gateway is ready only once both services are, so it is waited for last.
            launcher.startAll(List.of(party, negotiation, gateway));
            gatewayUrl = gateway.url();
        }

        @Override
        public void close() {
            launcher.close();
        }
    }

    private static volatile String gatewayUrl;

    /** A token for {@code role} (viewer, analyst or admin) from the dev issuer the running Parley trusts. */
    public static String token(String role) {
        return SharedDevStack.tokens().token(role);
    }

    /** The gateway's base URL, the only address the tests use. */
    public static String gatewayUrl() {
        if (gatewayUrl == null) {
            throw new IllegalStateException("Annotate the test class with @ExtendWith(RunningParley.class)");
        }
        return gatewayUrl;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Parley.class, type -> {
            Parley parley = new Parley();
            try {
                parley.start();
            } catch (RuntimeException e) {
                parley.close();
                throw e;
            }
            gatewayUrl = parley.gatewayUrl;
            return parley;
        }, Parley.class);
    }

    private static ServiceLauncher.Service service(String name, Map<String, String> environment) {
        Path jar = ROOT.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The end-to-end tests run the real Parley, but " + jar + " is missing. Package it first: "
                    + "./mvnw -B package -DskipTests -pl party-service,negotiation-service,gateway -am "
                    + "(the full build, ./mvnw -B verify, packages all three before the end-to-end tests run).");
        }
        return new ServiceLauncher.Service(name, jar, freePort(), environment);
    }

    private static Map<String, String> with(Map<String, String> map, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return Map.copyOf(copy);
    }

    /** The checkout's root, found from the module a test runs in, wherever that module sits in the tree. */
    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("parley"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Not inside a Parley checkout: " + Path.of("").toAbsolutePath());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
