package org.parley.fault;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The soak: the fault suite's load through both gateways of the two-of-each fleet for {@code -Dsoak} (10 minutes by
 * default), with an alert client resuming across the gateways, then the per-key check of {@link EventPath}. It asks
 * for 0 errors (no refused write, nothing lost, applied twice, reordered or streamed twice) and a flat heap: the
 * lowest heap use of each service in the last quarter of the run (its floor after collections) at most 1.5 times
 * that of the first quarter, plus 16 MiB. Not part of the build: {@code ./mvnw -B verify -pl fault-tests -am -Dsoak=10m}.
 * The result goes to target/fault-figures/soak.json (soak/), for docs/reliability.md.
 */
class SoakTest {

    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(15);

    @Test
    void parleyRunsUnderSteadyLoadWithoutErrorsAndWithAFlatHeap() throws Exception {
        Duration length = Duration.parse("PT" + System.getProperty("soak", "10m").toUpperCase());
        Fleet fleet = Fleet.get();
        List<String> gateways = fleet.gateways();
        AlertStreamClient client = AlertStreamClient.connect(gateways.get(0));
        Scenario scenario = Scenario.create("soak", gateways);
        EventPath path = new EventPath(fleet, scenario);
        List<String> instances = new ArrayList<>();
        for (String letter : Fleet.LETTERS) {
            instances.addAll(List.of("party-service-" + letter, "negotiation-service-" + letter, "gateway-" + letter));
        }
        Map<String, List<Long>> heap = new LinkedHashMap<>();
        instances.forEach(instance -> heap.put(instance, new ArrayList<>()));
        Instant start = Instant.now();
        try (Load load = new Load(scenario, gateways, Duration.ofMillis(200)).start()) {
            for (int n = 0; Instant.now().isBefore(start.plus(length)); n++) {
                Pause.sleep(SAMPLE_EVERY);
                for (String instance : instances) {
                    heap.get(instance).add(heapUsed(fleet.url(instance)));
                }
                client.resumeOn(gateways.get(n % 2));
            }
            load.close();
            Instant ended = Instant.now();
            Instant settled = Pause.until("everything written published, applied and streamed", Duration.ofMinutes(4), () -> path.settled(List.of(client)));
            Figures figures = path.figures("soak", load, List.of(client), Duration.between(ended, settled),
                    "Soak of " + length.toMinutes() + " min " + length.toSecondsPart() + " s.");
            client.close();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("length", length.toString());
            result.put("figures", figures);
            result.put("heapUsedBytesEvery15s", heap);
            Files.createDirectories(Figures.DIRECTORY.resolve("soak"));
            Api.JSON.writerWithDefaultPrettyPrinter().writeValue(Figures.DIRECTORY.resolve("soak").resolve("soak.json").toFile(), result);
            System.out.println("soak: " + figures + " heap " + heap);

            assertEquals(0, figures.writesRefused(), "refused writes " + load.failureSamples);
            assertEquals(0, figures.lost() + figures.duplicateEffects() + figures.reorderedKeys() + figures.sseDuplicates()
                    + figures.sseMissing() + figures.sseGaps(), figures.toString());
            for (Map.Entry<String, List<Long>> samples : heap.entrySet()) {
                List<Long> values = samples.getValue();
                int quarter = Math.max(1, values.size() / 4);
                long first = values.subList(0, quarter).stream().mapToLong(Long::longValue).min().orElseThrow();
                long last = values.subList(values.size() - quarter, values.size()).stream().mapToLong(Long::longValue).min().orElseThrow();
                assertTrue(last <= first * 1.5 + 16 * 1024 * 1024, samples.getKey() + "'s heap grew: " + values);
            }
        }
    }

    /** The service's heap in use, from its Prometheus metrics (the sum over its heap pools). */
    private static long heapUsed(String service) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(service + "/q/metrics"))
                    .header("Authorization", "Bearer " + Api.token()).build();
            String metrics = Api.HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            double used = 0;
            for (String line : metrics.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            if (used == 0) {
                throw new AssertionError(service + "/q/metrics has no jvm_memory_used_bytes of the heap");
            }
            return (long) used;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
