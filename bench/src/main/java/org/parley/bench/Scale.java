package org.parley.bench;

import java.time.Duration;

/**
 * How big each figure's run is. {@code full} is what docs/performance.md reports (it fits in 20 minutes on
 * a 2-core machine); {@code smoke} runs every figure with tiny numbers, to show the suite still works.
 *
 * @param loadDuration       how long each wrk run and each write load lasts
 * @param warmUp             how long each is warmed up first (the JIT compiles the hot path)
 * @param roundTrips         writes timed in P2 and P7, and raw Kafka round trips in P2's anchor
 * @param reads              timed reads per board and per list request shape in P4 and P6
 * @param historyRows        P4: position changes loaded into the history
 * @param listRows           P6: incidents in the large list
 * @param listAnchorRows     P6: incidents in the anchor's list
 * @param sseClients         P7: clients on one gateway
 */
record Scale(String name, Duration loadDuration, Duration warmUp, int roundTrips, int reads, int historyRows, int listRows,
             int listAnchorRows, int sseClients) {

    static Scale of(String name) {
        return switch (name) {
            case "full" -> new Scale("full", Duration.ofSeconds(15), Duration.ofSeconds(5), 200, 300, 1_000_000, 1_000_000, 1_000, 10_000);
            case "smoke" -> new Scale("smoke", Duration.ofSeconds(2), Duration.ofSeconds(1), 5, 10, 10_000, 10_000, 1_000, 50);
            default -> throw new IllegalArgumentException("bench.scale is full or smoke, not '" + name + "'");
        };
    }
}
