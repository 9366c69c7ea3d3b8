package org.parley.fault;

import org.parley.devstack.DevStack;
import org.parley.devstack.ParleyServices;
import org.parley.devstack.ServiceLauncher;
import org.parley.devstack.SharedDevStack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two instances of each Parley service on the shared dev stack, as the fault suite runs them: party-service a and b,
 * negotiation-service a and b (two relays and two consumers of each), and gateway a and b, each routing to the
 * services of its letter. Launched once per test JVM, through deploy/devstack's {@link ParleyServices} and
 * {@link ServiceLauncher} like {@code ./parley run} and the other end-to-end tests.
 */
final class Fleet implements AutoCloseable {

    static final List<String> LETTERS = List.of("a", "b");

    /**
     * Tries of one event by a consumer before it is parked (production: 10, about 50 s of backoff). Eight tries
     * (about 13 s) park the poisoned record sooner and still ride out a PostgreSQL restart.
     */
    static final String CONSUMER_MAX_ATTEMPTS = "8";

    private static Fleet fleet;

    final DevStack stack;
    final SharedDevStack.Connection connection;
    private final ServiceLauncher launcher;
    private final Map<String, ServiceLauncher.Service> services = new HashMap<>();

    private Fleet() {
        stack = SharedDevStack.get();
        connection = SharedDevStack.connection();
        launcher = new ServiceLauncher(Path.of("target", "fault-services").toAbsolutePath());
        for (String letter : LETTERS) {
            add("party-service", "party-service-" + letter, serviceEnvironment("party"));
            add("negotiation-service", "negotiation-service-" + letter, serviceEnvironment("negotiation"));
        }
        for (String letter : LETTERS) {
            Map<String, String> environment = new HashMap<>(connection.gatewayEnvironment(
                    services.get("party-service-" + letter).url(), services.get("negotiation-service-" + letter).url()));
            // Six JVMs on a two-core machine answer slowly at times; a 504 would say nothing about the fault.
            environment.put("PARLEY_GATEWAY_PARTY_SERVICE_TIMEOUT", "60s");
            environment.put("PARLEY_GATEWAY_NEGOTIATION_SERVICE_TIMEOUT", "60s");
            add("gateway", "gateway-" + letter, environment);
        }
        // The services first, then the gateways, which are ready only once their services are.
        launcher.startAll(services.values().stream().filter(s -> !s.name().startsWith("gateway")).toList());
        launcher.startAll(services.values().stream().filter(s -> s.name().startsWith("gateway")).toList());
    }

    /** The fleet of this JVM, launched on first use and stopped when the JVM exits. */
    static synchronized Fleet get() {
        if (fleet == null) {
            Fleet started = new Fleet();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "parley-fault-fleet-shutdown"));
            fleet = started;
        }
        return fleet;
    }

    private Map<String, String> serviceEnvironment(String database) {
        Map<String, String> environment = new HashMap<>(connection.serviceEnvironment(database));
        environment.put("PARLEY_EVENT_BUS_CONSUMER_MAX_ATTEMPTS", CONSUMER_MAX_ATTEMPTS);
        return environment;
    }

    private void add(String module, String instance, Map<String, String> environment) {
        services.put(instance, ParleyServices.packaged(ParleyServices.projectRoot(), module, instance, environment));
    }

    String url(String instance) {
        return services.get(instance).url();
    }

    List<String> gateways() {
        return LETTERS.stream().map(letter -> url("gateway-" + letter)).toList();
    }

    /** {@code kill -9}: the instance gets no chance to finish what it has in hand. */
    void kill(String instance) {
        launcher.kill(instance);
    }

    void restart(String instance) {
        launcher.startAll(List.of(services.get(instance)));
    }

    @Override
    public synchronized void close() {
        launcher.close();
    }
}
