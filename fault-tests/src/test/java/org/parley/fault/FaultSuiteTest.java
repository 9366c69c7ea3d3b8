package org.parley.fault;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.parley.devstack.ParleyServices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The faults of issue 14, one after another on one fleet (two instances of every service, {@link Fleet}) against
 * the real Kafka and PostgreSQL of deploy/devstack. Each fault runs under a steady load of writes ({@link Load})
 * with two alert stream clients, one staying on gateway a and one resuming across both gateways, and ends with the
 * per-key check of {@link EventPath}: nothing lost, nothing applied twice, nothing out of order, no alert streamed
 * twice or missed. Its figures go to target/fault-figures, and into docs/reliability.md with
 * {@code -Dparley.fault-figures.write=true}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    private static final Duration SETTLE = Duration.ofSeconds(240);
    /** The issue asks for 60 s; {@code -Dparley.fault.kafka-outage=20s} for a quicker local run. */
    private static final Duration KAFKA_OUTAGE = Duration.parse("PT" + System.getProperty("parley.fault.kafka-outage", "60s").toUpperCase());

    private static Fleet fleet;
    private static Instant started;

    @BeforeAll
    static void launch() {
        started = Instant.now();
        fleet = Fleet.get();
    }

    @AfterAll
    static void writeTable() {
        Figures.writeTableIfAsked(ParleyServices.projectRoot(), started.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                + ", Kafka stopped for " + KAFKA_OUTAGE.toSeconds() + " s");
    }

    @Test
    @Order(1)
    void twoRelaysAndTwoConsumersOfEachServiceAtOnce() {
        fault("1-two-of-each", 2_000, load -> {
            Pause.sleep(Duration.ofSeconds(10));
            return Instant.now();
        }, "Two instances of each service, writes through both gateways, no other fault.");
    }

    @Test
    @Order(2)
    void kafkaStoppedDuringAStreamOfWrites() {
        fault("2-kafka-stopped", 2_000, load -> {
            fleet.stack.stopKafka();
            Pause.sleep(KAFKA_OUTAGE);
            fleet.stack.startKafka();
            return Instant.now();
        }, "Kafka stopped for " + KAFKA_OUTAGE.toSeconds() + " s, then started on the same data; the relays retry with "
                + "backoff up to 30 s, so recovery includes up to one backoff.");
    }

    @Test
    @Order(3)
    void negotiationServiceKilledMidLoad() {
        fault("3-negotiation-service-killed", 2_000, load -> {
            fleet.kill("negotiation-service-a");
            fleet.restart("negotiation-service-a");
            return Instant.now();
        }, "negotiation-service a killed with kill -9 under load, then restarted; gateway a's writes to it were refused "
                + "until it was ready again.");
    }

    @Test
    @Order(4)
    void postgresRestartedUnderLoad() {
        fault("4-postgres-restarted", 2_000, load -> {
            fleet.stack.stopPostgres();
            fleet.stack.startPostgres();
            return Instant.now();
        }, "PostgreSQL stopped and started again under load; no service restarted.");
    }

    @Test
    @Order(5)
    void aPoisonedRecordIsParkedOthersFlowAndTheAdminRetryAppliesItOnce() throws Exception {
        String negotiationA = fleet.url("negotiation-service-a");
        String[] poisonedEvent = new String[1];
        fault("5-poisoned-record", 2_000, load -> {
            // A bug on the consumer's side, as the database sees it: the party copy refuses one party.
            sql("CREATE FUNCTION fault_poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.name LIKE '%poisoned%' THEN RAISE EXCEPTION 'poisoned by the fault suite'; END IF; RETURN NEW; END $$; "
                    + "CREATE TRIGGER fault_poison BEFORE INSERT OR UPDATE ON known_party FOR EACH ROW EXECUTE FUNCTION fault_poison()");
            try {
                String party = Api.eventually(fleet.gateways().get(0), "POST", "/api/v1/parties",
                        Api.party("p" + Long.toString(System.nanoTime(), 36), "A poisoned party")).id();
                JsonNode parked = awaitParked(negotiationA, party);
                poisonedEvent[0] = parked.path("eventId").asText();
                // While it is parked, the load's keys keep flowing: the check below finds every one of their events.
                int before = load.committed();
                Pause.until("writes to flow past the parked record", SETTLE, () -> load.committed() >= before + 20);
                sql("DROP TRIGGER fault_poison ON known_party; DROP FUNCTION fault_poison()");
                Api.Answer retried = Api.send(negotiationA, "POST", "/q/event-bus/parked/inbox/" + parked.path("consumer").asText() + "/"
                        + parked.path("topic").asText() + "/" + parked.path("partition").asInt() + "/" + parked.path("offset").asLong() + "/retry", null);
                assertEquals(204, retried.status(), "the admin retry: " + retried.error());
                Instant retriedAt = Instant.now();
                Pause.until("the retried record to be applied", SETTLE, () -> count("SELECT count(*) FROM known_party WHERE id = '" + party + "'") == 1);
                return retriedAt;
            } finally {
                sql("DROP TRIGGER IF EXISTS fault_poison ON known_party; DROP FUNCTION IF EXISTS fault_poison()");
            }
        }, "One party's event made the party copy fail; parked after " + Fleet.CONSUMER_MAX_ATTEMPTS + " tries while the "
                + "other keys flowed, then retried by the admin operation once the cause was removed; recovery is from the retry.");
        assertEquals(1, count("SELECT count(*) FROM event_inbox WHERE consumer = 'party-copy' AND event_id = '" + poisonedEvent[0] + "'"),
                "the retried event applied once");
        assertEquals(1, count("SELECT count(*) FROM audit_entry WHERE event_id = '" + poisonedEvent[0] + "'"));
        Pause.until("the parked record to leave the parking", SETTLE,
                () -> count("SELECT count(*) FROM event_inbox_parked WHERE event_id = '" + poisonedEvent[0] + "'") == 0);
    }

    @Test
    @Order(6)
    void alertClientsResumeAcrossTwoGateways() {
        fault("6-sse-resume-across-gateways", 300, load -> {
            Pause.sleep(Duration.ofSeconds(10));
            return Instant.now();
        }, "Each hopping client reconnected with Last-Event-ID to the other gateway every 300 ms during the load.");
    }

    /** What a fault does, under load; returns when it ended (the service back, the broker started, the retry made). */
    @FunctionalInterface
    interface Fault {
        Instant run(Load load) throws Exception;
    }

    /**
     * Runs {@code fault} under load with a steady and a hopping alert client, waits until everything written has gone
     * all the way, records the figures and checks them.
     *
     * @param hopMillis how often the hopping client resumes on the other gateway
     */
    private static void fault(String name, long hopMillis, Fault fault, String note) {
        List<String> gateways = fleet.gateways();
        List<AlertStreamClient> clients = new ArrayList<>();
        // Connected before the fault's negotiations exist, so that they are sent every one of its alerts.
        clients.add(AlertStreamClient.connect(gateways.get(0)));
        AlertStreamClient hopping = AlertStreamClient.connect(gateways.get(1));
        clients.add(hopping);
        Scenario scenario = Scenario.create(name, gateways);
        EventPath path = new EventPath(fleet, scenario);
        AtomicBoolean hop = new AtomicBoolean(true);
        Thread hopper = new Thread(() -> {
            for (int n = 0; hop.get(); n++) {
                Pause.sleep(Duration.ofMillis(hopMillis));
                hopping.resumeOn(gateways.get(n % 2));
            }
        }, "fault-sse-hopper");
        Instant ended;
        Load load = new Load(scenario, gateways, Duration.ofMillis(200)).start();
        try {
            hopper.start();
            Pause.until("the load to get going", SETTLE, () -> load.committed() >= 20);
            ended = fault.run(load);
            // Writes succeed again through both gateways, without restarting anything else.
            int before = load.committed();
            Pause.until("writes to succeed again after the fault", SETTLE, () -> load.committed() >= before + 20);
        } catch (Exception e) {
            throw new AssertionError(name + " failed: " + e, e);
        } finally {
            load.close();
            hop.set(false);
            join(hopper);
        }
        Instant settled = Pause.until(name + ": everything written published, applied and streamed", SETTLE, () -> path.settled(clients));
        Figures figures = path.figures(name, load, clients, Duration.between(ended, settled), note);
        clients.forEach(AlertStreamClient::close);
        figures.save();
        System.out.println(name + ": " + figures);

        assertEquals(0, figures.lost(), name + ": lost " + figures);
        assertEquals(0, figures.duplicateEffects(), name + ": applied twice " + figures);
        assertEquals(0, figures.reorderedKeys(), name + ": out of order " + figures);
        assertEquals(0, figures.sseDuplicates(), name + ": streamed twice " + figures);
        assertEquals(0, figures.sseMissing(), name + ": not streamed " + figures);
        assertEquals(0, figures.sseGaps(), name + ": gap events " + figures);
        assertEquals(figures.eventsWritten(), figures.eventsPublished(), name);
        assertTrue(figures.writesCommitted() > 0 && figures.alertsRaised() > 0, name + ": the load did nothing " + figures);
        // A fault of Parley's infrastructure is not a bug: a refused write says "retry" (503, 504, or no answer), never 500.
        assertFalse(load.failures.containsKey(500), name + ": writes refused with 500 " + load.failures + ", e.g. " + load.failureSamples);
    }

    private static JsonNode awaitParked(String negotiationService, String party) {
        JsonNode[] found = new JsonNode[1];
        Pause.until("the poisoned party's event to be parked", SETTLE, () -> {
            JsonNode inbox = Api.send(negotiationService, "GET", "/q/event-bus/parked", null).body().path("inbox");
            for (JsonNode record : inbox) {
                if (party.equals(record.path("key").asText())) {
                    found[0] = record;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static void sql(String statements) {
        try (Connection db = DriverManager.getConnection(fleet.connection.jdbcUrl("negotiation"), "postgres", "");
             Statement statement = db.createStatement()) {
            statement.execute(statements);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String sql) {
        try (Connection db = DriverManager.getConnection(fleet.connection.jdbcUrl("negotiation"), "postgres", "");
             Statement statement = db.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
