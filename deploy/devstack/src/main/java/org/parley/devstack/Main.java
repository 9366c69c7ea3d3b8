package org.parley.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code start} runs Kafka and PostgreSQL in the foreground; {@code run} also launches
 * the packaged services and the gateway. Ctrl-C or SIGTERM stops everything that was started.
 */
public final class Main {

    private static final String USAGE = """
            usage: devstack start|run [options]
                   devstack token ROLE [--issuer-port N]
              start                      Kafka, PostgreSQL and the dev token issuer only
              run                        the same, then party-service, negotiation-service and the gateway
              token ROLE                 prints a 12-hour access token for viewer, analyst or admin from the
                                         running stack's dev issuer
            options:
              --data-dir DIR             where data is kept across restarts (default ~/.parley/devstack)
              --kafka-port N             default 19092
              --kafka-controller-port N  default 19093
              --postgres-port N          default 15432
              --issuer-port N            the dev token issuer, default 18080
              --root DIR                 the Parley checkout whose packaged services 'run' launches (default .)
            """;

    private Main() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (DevStackException e) {
            System.err.println("devstack: " + e.getMessage());
            System.exit(1);
        } catch (IllegalArgumentException e) {
            System.err.println("devstack: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    private static void run(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            printToken(args);
            return;
        }
        if (args.length == 0 || !List.of("start", "run").contains(args[0])) {
            throw new IllegalArgumentException(args.length == 0 ? "no command given" : "unknown command '" + args[0] + "'");
        }
        Path dataDir = DevStack.Settings.defaultDataDir();
        Path root = Path.of(".");
        int kafkaPort = DevStack.Settings.DEFAULT_KAFKA_PORT;
        int controllerPort = DevStack.Settings.DEFAULT_KAFKA_CONTROLLER_PORT;
        int postgresPort = DevStack.Settings.DEFAULT_POSTGRES_PORT;
        int issuerPort = DevStack.Settings.DEFAULT_ISSUER_PORT;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--data-dir" -> dataDir = Path.of(value);
                case "--root" -> root = Path.of(value);
                case "--kafka-port" -> kafkaPort = port(option, value);
                case "--kafka-controller-port" -> controllerPort = port(option, value);
                case "--postgres-port" -> postgresPort = port(option, value);
                case "--issuer-port" -> issuerPort = port(option, value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        DevStack.Settings settings = new DevStack.Settings(dataDir.toAbsolutePath(), kafkaPort, controllerPort, postgresPort, issuerPort, false);

        List<AutoCloseable> started = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping...");
            closeAll(started);
            stopped.countDown();
        }, "devstack-stop"));

        System.out.println("Starting PostgreSQL and Kafka (data in " + settings.dataDir() + ")...");
        DevStack stack = DevStack.start(settings);
        started.add(stack);
        System.out.println("Kafka bootstrap servers: " + stack.kafkaBootstrapServers());
        for (String database : DevStack.DATABASES) {
            System.out.println("PostgreSQL " + database + ": " + stack.jdbcUrl(database) + " (user " + stack.databaseUser() + ", no password)");
        }
        DevIssuer issuer = stack.issuer();
        System.out.println("Dev token issuer: " + issuer.url() + " (JWKS " + issuer.jwksUrl() + ")");

        if (args[0].equals("run")) {
            ServiceLauncher launcher = new ServiceLauncher(settings.dataDir().resolve("logs"));
            started.add(launcher);
            ServiceLauncher.Service party = ParleyServices.packaged(root, "party-service", "party-service", 8081,
                    ParleyServices.serviceEnvironment(stack.kafkaBootstrapServers(), stack.jdbcUrl("party"), issuer.url()));
            ServiceLauncher.Service negotiation = ParleyServices.packaged(root, "negotiation-service", "negotiation-service", 8082,
                    ParleyServices.serviceEnvironment(stack.kafkaBootstrapServers(), stack.jdbcUrl("negotiation"), issuer.url()));
            ServiceLauncher.Service gateway = ParleyServices.packaged(root, "gateway", "gateway", 8080,
                    ParleyServices.gatewayEnvironment(stack.kafkaBootstrapServers(), issuer.url(), party.url(), negotiation.url()));
            List<ServiceLauncher.Service> services = List.of(party, negotiation, gateway);
            System.out.println("Starting " + services.stream().map(ServiceLauncher.Service::name).toList() + "...");
            launcher.startAll(services);
            seed(issuer);
            System.out.println();
            System.out.println("Parley is ready.");
            System.out.println("  Web client          http://localhost:8080/");
            System.out.println("  API (gateway)       http://localhost:8080/api/v1");
            System.out.println("  OpenAPI             http://localhost:8080/openapi");
            System.out.println("  Swagger UI          http://localhost:8080/q/swagger-ui");
            for (ServiceLauncher.Service service : services) {
                System.out.printf("  %-20s%s   (health %s/q/health, log %s)%n", service.name(), service.url(), service.url(),
                        launcher.log(service.name()));
            }
            System.out.println();
            System.out.println("Every API call needs a token (roles viewer < analyst < admin, 12 hours):");
            System.out.println("  TOKEN=$(./parley token analyst)");
            System.out.println("  curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8080/api/v1/negotiations");
            System.out.println("  (or GET " + issuer.tokenUrl() + "?role=analyst; the web client signs in with it)");
        }
        System.out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Loads the seed article through the gateway, as any client would. Loading is idempotent, so it runs
     * on every start; a failure is reported and leaves the running services alone for inspection.
     */
    private static void seed(DevIssuer issuer) {
        System.out.println("Loading the seed article through the gateway...");
        try {
            // Parties and envoys are an admin's to register; the seed's writes are recorded as the dev admin's.
            ScenarioLoader.Result result = new ScenarioLoader(java.net.URI.create("http://localhost:8080"), issuer.tokens().token("admin"))
                    .load(ScenarioLoader.bundledSeedArticle());
            System.out.println("Seed article: " + result.steps() + " steps, " + result.created() + " records created"
                    + (result.created() == 0 ? " (all there already)" : ""));
        } catch (DevStackException e) {
            System.err.println("devstack: the seed article was not fully loaded: " + e.getMessage());
        }
    }

    /** {@code token ROLE}: asks the running stack's issuer, as the web client does, so the token is one it serves. */
    private static void printToken(String[] args) {
        if (args.length < 2 || !DevTokens.ROLES.contains(args[1])) {
            throw new IllegalArgumentException("token needs a role: viewer, analyst or admin");
        }
        int issuerPort = DevStack.Settings.DEFAULT_ISSUER_PORT;
        if (args.length == 4 && args[2].equals("--issuer-port")) {
            issuerPort = port(args[2], args[3]);
        } else if (args.length != 2) {
            throw new IllegalArgumentException("token takes a role and optionally --issuer-port N");
        }
        String url = DevIssuer.urlFor(issuerPort) + "/token?role=" + args[1];
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).timeout(java.time.Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new DevStackException("the dev issuer at " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            System.out.println(token.group(1));
        } catch (java.io.IOException e) {
            throw new DevStackException("no dev issuer answers at " + url + ": start Parley first with ./parley run (or ./parley devstack)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevStackException("interrupted");
        }
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a port number from 1 to 65535, not '" + value + "'");
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("devstack: " + e.getMessage());
            }
        }
        started.clear();
    }
}
