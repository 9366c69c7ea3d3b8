package org.parley.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.parley.devstack.ParleyServices;
import org.parley.devstack.ServiceLauncher;
import org.parley.devstack.SharedDevStack;

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
        ServiceLauncher.Service party = ParleyServices.packaged(ROOT, "party-service", "party-service", stack.serviceEnvironment("party"));
        ServiceLauncher.Service negotiation = ParleyServices.packaged(ROOT, "negotiation-service", "negotiation-service",
                stack.serviceEnvironment("negotiation"));
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
}
