package org.parley.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of writes through both gateways while a fault happens: envoys appointed for the fault's parties
 * (party-service; negotiation-service's party-copy consumer applies each and raises an alert per negotiation) and
 * incidents with civilians killed in the fault's negotiations (negotiation-service; one alert each). It counts what
 * it attempted and keeps the ids of what the API acknowledged, which the check then looks for.
 *
 * <p>Each key has one client, which writes it one write after another (through either gateway in turn): so the
 * order in which the API acknowledged a key's writes is their commit order, the order the check expects on Kafka
 * and in the consumer. Writes to one key from concurrent transactions have no order to keep.
 */
final class Load implements AutoCloseable {

    private final Scenario scenario;
    private final List<String> gateways;
    private final Duration pace;
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    final AtomicInteger attempted = new AtomicInteger();
    final Set<String> committedEnvoys = ConcurrentHashMap.newKeySet();
    final Set<String> committedIncidents = ConcurrentHashMap.newKeySet();
    /** Per key, the ids of the writes the API acknowledged (envoys, incidents), in the order it did. */
    final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
    /** Failed answers by status (0: no answer), to tell a refused write from a lost one. */
    final Map<Integer, AtomicInteger> failures = new ConcurrentHashMap<>();
    final Set<String> failureSamples = ConcurrentHashMap.newKeySet();

    /** @param pace how long each client waits between two writes: the load's rate, not a wait for a condition */
    Load(Scenario scenario, List<String> gateways, Duration pace) {
        this.scenario = scenario;
        this.gateways = gateways;
        this.pace = pace;
        for (String key : scenario.keys()) {
            acknowledged.put(key, java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        for (int i = 0; i < scenario.keys().size(); i++) {
            int worker = i;
            Thread thread = new Thread(() -> write(worker), "fault-load-" + i);
            thread.setDaemon(true);
            this.workers.add(thread);
        }
    }

    Load start() {
        running = true;
        workers.forEach(Thread::start);
        return this;
    }

    private void write(int worker) {
        String key = scenario.keys().get(worker);
        boolean envoy = scenario.parties().contains(key);
        for (int n = 0; running; n++) {
            String gateway = gateways.get((worker + n) % gateways.size());
            attempted.incrementAndGet();
            Api.Answer answer;
            if (envoy) {
                String party = key;
                answer = Api.send(gateway, "POST", "/api/v1/envoys",
                        Map.of("fullName", "Envoy " + worker + "-" + n, "partyId", party, "role", "special_envoy"));
                if (answer.ok()) {
                    committedEnvoys.add(answer.id());
                }
            } else {
                String negotiation = key;
                answer = Api.send(gateway, "POST", "/api/v1/incidents", Map.of("negotiationId", negotiation, "kind", "missile_strike",
                        "place", Map.of("city", "Kryvyi Rih"), "casualties", Map.of("killed", 2, "civilian", true),
                        "sources", List.of(Map.of("publication", "fault suite"))));
                if (answer.ok()) {
                    committedIncidents.add(answer.id());
                }
            }
            if (answer.ok()) {
                acknowledged.get(key).add(answer.id());
            } else {
                failures.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
                if (failureSamples.size() < 5) {
                    failureSamples.add(answer.status() + " " + answer.error());
                }
            }
            Pause.sleep(pace);
        }
    }

    int committed() {
        return committedEnvoys.size() + committedIncidents.size();
    }

    int failed() {
        return failures.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        running = false;
        for (Thread worker : workers) {
            try {
                worker.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
