package org.parley.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code start} runs Kafka and PostgreSQL in the foreground; {@code run} also launches
 * the packaged services and the gateway. Ctrl-C or SIGTERM stops everything that was started.
 */
public final class Main {

    private static final String USAGE = """
            usage: devstack start|run [options]
              start                      Kafka and PostgreSQL only
              run                        Kafka, PostgreSQL, party-service, negotiation-service and the gateway
            options:
              --data-dir DIR             where data is kept across restarts (default ~/.parley/devstack)
              --kafka-port N             default 19092
              --kafka-controller-port N  default 19093
              --postgres-port N          default 15432
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
        if (args.length == 0 || !List.of("start", "run").contains(args[0])) {
            throw new IllegalArgumentException(args.length == 0 ? "no command given" : "unknown command '" + args[0] + "'");
        }
        Path dataDir = DevStack.Settings.defaultDataDir();
        Path root = Path.of(".");
        int kafkaPort = DevStack.Settings.DEFAULT_KAFKA_PORT;
        int controllerPort = DevStack.Settings.DEFAULT_KAFKA_CONTROLLER_PORT;
        int postgresPort = DevStack.Settings.DEFAULT_POSTGRES_PORT;
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
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        DevStack.Settings settings = new DevStack.Settings(dataDir.toAbsolutePath(), kafkaPort, controllerPort, postgresPort, false);

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

        if (args[0].equals("run")) {
            ServiceLauncher launcher = new ServiceLauncher(settings.dataDir().resolve("logs"));
            started.add(launcher);
            Map<String, String> environment = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(),
                    "QUARKUS_DATASOURCE_USERNAME", stack.databaseUser(),
                    "QUARKUS_DATASOURCE_PASSWORD", "");
            List<ServiceLauncher.Service> services = List.of(
                    service(root, "party-service", 8081, environment, stack.jdbcUrl("party")),
                    service(root, "negotiation-service", 8082, environment, stack.jdbcUrl("negotiation")),
                    service(root, "gateway", 8080, environment, null));
            System.out.println("Starting " + services.stream().map(ServiceLauncher.Service::name).toList() + "...");
            launcher.startAll(services);
            seed();
            System.out.println();
            System.out.println("Parley is ready.");
            System.out.println("  Web client        http://localhost:8080/");
            System.out.println("  API (gateway)     http://localhost:8080/api/v1");
            System.out.println("  OpenAPI           http://localhost:8080/openapi");
            System.out.println("  Swagger UI        http://localhost:8080/q/swagger-ui");
            for (ServiceLauncher.Service service : services) {
                System.out.printf("  %-18s%s   (health %s/q/health, log %s)%n", service.name(), service.url(), service.url(),
                        launcher.log(service.name()));
            }
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
    private static void seed() {
        System.out.println("Loading the seed article through the gateway...");
        try {
            ScenarioLoader.Result result = new ScenarioLoader(java.net.URI.create("http://localhost:8080"))
                    .load(ScenarioLoader.bundledSeedArticle());
            System.out.println("Seed article: " + result.steps() + " steps, " + result.created() + " records created"
                    + (result.created() == 0 ? " (all there already)" : ""));
        } catch (DevStackException e) {
            System.err.println("devstack: the seed article was not fully loaded: " + e.getMessage());
        }
    }

    private static ServiceLauncher.Service service(Path root, String name, int port, Map<String, String> common, String jdbcUrl) {
        Map<String, String> environment = new java.util.HashMap<>(common);
        if (jdbcUrl != null) {
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        }
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
        return new ServiceLauncher.Service(name, jar, port, environment);
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
