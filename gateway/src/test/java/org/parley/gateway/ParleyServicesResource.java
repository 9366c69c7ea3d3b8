package org.parley.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.parley.devstack.ServiceLauncher;
import org.parley.devstack.SharedDevStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Launches the packaged party-service and negotiation-service on free ports against the shared dev stack,
 * and points the gateway under test at them. In the full build they are packaged before the gateway's
 * tests run; on their own, package them first: {@code ./mvnw -B package -DskipTests -pl party-service,negotiation-service -am}.
 */
public class ParleyServicesResource implements QuarkusTestResourceLifecycleManager {

    /** The repository's root, from the gateway module's directory where Maven runs its tests. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private ServiceLauncher launcher;
    /** Where the services listen, for tests that call them directly rather than through the gateway. */
    static volatile String partyServiceUrl;
    static volatile String negotiationServiceUrl;

    @Override
    public Map<String, String> start() {
        SharedDevStack.Connection stack = SharedDevStack.connection();
        ServiceLauncher.Service party = service("party-service", stack.jdbcUrl("party"), stack);
        ServiceLauncher.Service negotiation = service("negotiation-service", stack.jdbcUrl("negotiation"), stack);
        launcher = new ServiceLauncher(Path.of("target", "services").toAbsolutePath());
        launcher.startAll(List.of(party, negotiation));
        partyServiceUrl = party.url();
        negotiationServiceUrl = negotiation.url();
        return Map.of(
                "parley.gateway.party-service.url", party.url(),
                "parley.gateway.negotiation-service.url", negotiation.url());
    }

    @Override
    public void stop() {
        if (launcher != null) {
            launcher.close();
        }
    }

    private static ServiceLauncher.Service service(String name, String jdbcUrl, SharedDevStack.Connection stack) {
        Path jar = ROOT.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The gateway's tests run the real " + name + ", but " + jar + " is missing. "
                    + "Package the services first: ./mvnw -B package -DskipTests -pl party-service,negotiation-service -am "
                    + "(the full build, ./mvnw -B verify, packages them before the gateway's tests run).");
        }
        Map<String, String> environment = new java.util.HashMap<>(stack.trustEnvironment());
        environment.putAll(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers()));
        return new ServiceLauncher.Service(name, jar, freePort(), environment);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
