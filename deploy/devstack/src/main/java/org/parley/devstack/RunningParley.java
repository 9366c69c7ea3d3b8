package org.parley.devstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole of Parley, as a client meets it: the packaged party-service, negotiation-service and gateway,
 * launched on free ports against the shared real Kafka and PostgreSQL, once for all tests of this module.
 * In the full build the three are packaged before the end-to-end tests run.
 */
public final class RunningParley implements BeforeAllCallback {

    private static final Path ROOT = ParleyServices.projectRoot();

    private static final class Parley implements ExtensionContext.Store.CloseableResource {

        final ServiceLauncher launcher = new ServiceLauncher(Path.of("target", "parley").toAbsolutePath());
        String gatewayUrl;

        void start() {
            SharedDevStack.Connection stack = SharedDevStack.connection();
            ServiceLauncher.Service party = service("party-service", stack.serviceEnvironment("party"));
            ServiceLauncher.Service negotiation = service("negotiation-service", stack.serviceEnvironment("negotiation"));
            ServiceLauncher.Service gateway = service("gateway", stack.gatewayEnvironment(party.url(), negotiation.url()));
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

    private static ServiceLauncher.Service service(String module, Map<String, String> environment) {
        return ParleyServices.packaged(ROOT, module, module, environment);
    }
}
