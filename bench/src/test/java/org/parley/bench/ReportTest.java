package org.parley.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The results table, and the rewrite of docs/performance.md that must leave other sections alone. */
class ReportTest {

    private static final Report.Machine MACHINE = new Report.Machine(2, "Test CPU", 4096, "OpenJDK 17");

    @Test
    void onlyWhatIsBetweenTheMarkersIsReplaced() {
        String document = """
                # Performance

                ## Results
                <!-- bench:results:begin -->
                old table
                <!-- bench:results:end -->

                ## The write path: profile, before and after
                written by someone else
                """;

        String updated = Report.replaceResults(document, "new table\n");

        assertEquals("""
                # Performance

                ## Results
                <!-- bench:results:begin -->
                new table
                <!-- bench:results:end -->

                ## The write path: profile, before and after
                written by someone else
                """, updated);
        assertEquals(updated, Report.replaceResults(updated, "new table\n"), "a second run with the same results changes nothing");
    }

    @Test
    void aDocumentWithoutMarkersGetsThemAtItsEnd() {
        String updated = Report.replaceResults("# Performance\n", "table\n");

        assertEquals("# Performance\n" + Report.BEGIN + "\ntable\n" + Report.END + "\n", updated);
    }

    @Test
    void theTableHasTheMachineAndEveryFigureWithItsAnchorRatioAndGoal() {
        List<Figure> figures = List.of(
                new Figure("P1 c16", "board read through the gateway", "400 req/s, 0 non-2xx of 4000", "direct: 500 req/s", 0.8, "≥ 0.85", false),
                new Figure("P2", "write → alert | p99", "p99 20 ms", "raw: p99 10 ms", 2.0, "≤ 1.5×", false),
                new Figure("P4", "board read p50", "p50 5 ms", "empty: p50 5 ms", 1.0, "≤ 1.2×", true));

        String table = Report.markdown(figures, MACHINE, Instant.parse("2026-12-02T10:00:00Z"), "full", List.of("taken under load"));

        assertTrue(table.startsWith("Run of 2026-12-02T10:00:00Z (scale `full`) on 2 CPUs (nproc), Test CPU, 4.0 GiB RAM, OpenJDK 17."), table);
        assertTrue(table.contains("| P1 c16 | board read through the gateway | 400 req/s, 0 non-2xx of 4000 | direct: 500 req/s | 0.80 | ≥ 0.85 | **missed** |"), table);
        assertTrue(table.contains("| P2 | write → alert \\| p99 |"), "a | in a cell is escaped: " + table);
        assertTrue(table.contains("| 1.00 | ≤ 1.2× | met |"), table);
        assertTrue(table.endsWith("- taken under load\n"), table);
    }

    @Test
    void onlyNamesKnownFigures() {
        assertEquals(List.of("P1", "P7"), List.copyOf(Bench.parseOnly("p1, P7")));
        try {
            Bench.parseOnly("P1,P9");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("P9"), e.getMessage());
            return;
        }
        throw new AssertionError("an unknown figure is refused");
    }

    @Test
    void scalesAreFullOrSmoke() {
        assertEquals(1_000_000, Scale.of("full").historyRows());
        assertEquals(10_000, Scale.of("full").sseClients());
        assertTrue(Scale.of("smoke").sseClients() < 100);
        try {
            Scale.of("huge");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("huge"));
            return;
        }
        throw new AssertionError("an unknown scale is refused");
    }
}
