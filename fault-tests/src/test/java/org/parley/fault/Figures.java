package org.parley.fault;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One fault's figures: written to {@code target/fault-figures/<fault>.json} by every run, and into the table of
 * docs/reliability.md when the run is asked to ({@code -Dparley.fault-figures.write=true}).
 *
 * @param writesAttempted     writes the load sent through the gateways
 * @param writesCommitted     writes the API acknowledged (2xx)
 * @param writesRefused       writes answered with an error or not at all (the fault's visible cost)
 * @param eventsWritten       outbox rows of the fault's keys (both services)
 * @param eventsPublished     distinct events of those keys on Kafka
 * @param kafkaDuplicates     further copies on Kafka (same ce_id): what consumers had to absorb
 * @param effectsApplied      party-copy applications plus alerts raised
 * @param duplicateEffects    effects applied twice (alerts per cause, audit entries per event)
 * @param lost                events missing on Kafka, events not applied, alerts not raised, acknowledged writes not stored
 * @param reorderedKeys       keys whose events reached Kafka, or were applied, out of commit order
 * @param sseConnections      connections the stream clients opened (more than the clients: they resumed)
 * @param alertsRaised        alerts of the fault's negotiations
 * @param recoverySeconds     from the end of the fault to the moment everything written was published, applied and streamed
 */
record Figures(String fault, int writesAttempted, int writesCommitted, int writesRefused, int eventsWritten, int eventsPublished,
               int kafkaDuplicates, int effectsApplied, int duplicateEffects, int lost, int reorderedKeys, int sseClients,
               int sseConnections, int alertsRaised, int sseDuplicates, int sseMissing, int sseGaps, double recoverySeconds,
               String note) {

    static final Path DIRECTORY = Path.of("target", "fault-figures");
    static final String BEGIN = "<!-- fault-figures:begin (written by fault-tests with -Dparley.fault-figures.write=true) -->";
    static final String END = "<!-- fault-figures:end -->";

    void save() {
        try {
            Files.createDirectories(DIRECTORY);
            Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(DIRECTORY.resolve(fault + ".json").toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Figures> saved() {
        if (!Files.isDirectory(DIRECTORY)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            List<Figures> all = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(Api.JSON.readValue(file.toFile(), Figures.class));
            }
            all.sort(Comparator.comparing(Figures::fault));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the table between the markers of docs/reliability.md with these figures, when asked to. */
    static void writeTableIfAsked(Path root, String when) {
        if (!Boolean.getBoolean("parley.fault-figures.write")) {
            return;
        }
        Path doc = root.resolve("docs/reliability.md");
        try {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            if (begin < 0 || end < begin) {
                throw new IllegalStateException(doc + " has no fault-figures markers");
            }
            Files.writeString(doc, text.substring(0, begin + BEGIN.length()) + "\n" + table(saved(), when) + text.substring(end),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String table(List<Figures> all, String when) {
        StringBuilder table = new StringBuilder("Last run: " + when + ".\n\n")
                .append("| fault | writes attempted / committed / refused | events written / published | duplicates on Kafka "
                        + "| effects applied | duplicate effects | lost | reordered keys | SSE clients (connections) "
                        + "| alerts raised | SSE duplicates / missing / gaps | recovery (s) |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Figures f : all) {
            table.append("| ").append(f.fault())
                    .append(" | ").append(f.writesAttempted()).append(" / ").append(f.writesCommitted()).append(" / ").append(f.writesRefused())
                    .append(" | ").append(f.eventsWritten()).append(" / ").append(f.eventsPublished())
                    .append(" | ").append(f.kafkaDuplicates())
                    .append(" | ").append(f.effectsApplied())
                    .append(" | ").append(f.duplicateEffects())
                    .append(" | ").append(f.lost())
                    .append(" | ").append(f.reorderedKeys())
                    .append(" | ").append(f.sseClients()).append(" (").append(f.sseConnections()).append(")")
                    .append(" | ").append(f.alertsRaised())
                    .append(" | ").append(f.sseDuplicates()).append(" / ").append(f.sseMissing()).append(" / ").append(f.sseGaps())
                    .append(" | ").append(String.format(java.util.Locale.ROOT, "%.1f", f.recoverySeconds()))
                    .append(" |\n");
        }
        table.append('\n');
        for (Figures f : all) {
            if (!f.note().isBlank()) {
                table.append("- ").append(f.fault()).append(": ").append(f.note().strip()).append('\n');
            }
        }
        return table.toString();
    }
}
