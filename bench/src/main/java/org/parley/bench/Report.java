package org.parley.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The results as a table for the terminal and for docs/performance.md. The document is rewritten only
 * between {@link #BEGIN} and {@link #END}, so that what others write around it survives a run.
 */
final class Report {

    static final String BEGIN = "<!-- bench:results:begin -->";
    static final String END = "<!-- bench:results:end -->";

    private Report() {
    }

    /** The machine the figures come from: they mean little without it. */
    record Machine(int cpus, String cpuModel, long memoryMiB, String jdk) {

        static Machine current() {
            String model = "unknown";
            long memory = 0;
            try {
                model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(model);
                memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                        .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(0L);
            } catch (IOException | RuntimeException e) {
                // not Linux: the table says unknown
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), model, memory,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        }

        String describe() {
            return cpus + " CPUs (nproc), " + cpuModel + ", " + String.format("%.1f", memoryMiB / 1024.0) + " GiB RAM, " + jdk;
        }
    }

    static String markdown(List<Figure> figures, Machine machine, Instant when, String scale, List<String> notes) {
        StringBuilder out = new StringBuilder();
        out.append("Run of ").append(when.truncatedTo(ChronoUnit.SECONDS)).append(" (scale `").append(scale).append("`) on ")
                .append(machine.describe()).append(".\n\n");
        out.append("| # | figure | measured | anchor (same run) | ratio | goal | met |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            out.append("| ").append(f.id()).append(" | ").append(cell(f.what())).append(" | ").append(cell(f.measured())).append(" | ")
                    .append(cell(f.anchor())).append(" | ").append(f.ratioText()).append(" | ").append(cell(f.goal())).append(" | ")
                    .append(f.met() ? "met" : "**missed**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n').append(notes.stream().map(n -> "- " + n).collect(Collectors.joining("\n"))).append('\n');
        }
        return out.toString();
    }

    /** For the terminal: the same rows, aligned. */
    static String text(List<Figure> figures) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-16s %-28s %-34s %-44s %-7s %s%n", "#", "figure", "measured", "anchor", "ratio", "goal / met"));
        for (Figure f : figures) {
            out.append(String.format("%-16s %-28s %-34s %-44s %-7s %s (%s)%n", f.id(), clip(f.what(), 28), clip(f.measured(), 34),
                    clip(f.anchor(), 44), f.ratioText(), f.goal(), f.met() ? "met" : "MISSED"));
        }
        return out.toString();
    }

    /** Replaces what is between the markers with {@code results}; a document without them gets them at its end. */
    static String replaceResults(String document, String results) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            return document + (document.endsWith("\n") || document.isEmpty() ? "" : "\n") + BEGIN + "\n" + results + END + "\n";
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + results + document.substring(end);
    }

    static void write(Path document, String results) {
        try {
            String current = Files.exists(document) ? Files.readString(document) : "";
            Files.writeString(document, replaceResults(current, results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
