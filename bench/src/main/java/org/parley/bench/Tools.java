package org.parley.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The machine's load tools the figures use: wrk (Debian's /usr/bin/wrk) and PostgreSQL's pgbench. */
final class Tools {

    static final Path WRK = Path.of(System.getProperty("bench.wrk", "/usr/bin/wrk"));
    static final Path PGBENCH = Path.of(System.getProperty("bench.pgbench", "/usr/lib/postgresql/15/bin/pgbench"));

    private Tools() {
    }

    /** A wrk run: requests per second, and how many answers were not 2xx/3xx or never came. */
    record WrkResult(double requestsPerSecond, long requests, long non2xx, long socketErrors) {

        long failed() {
            return non2xx + socketErrors;
        }

        /** Two runs of the same length as one: the mean rate, the summed counts. */
        WrkResult plus(WrkResult other) {
            return new WrkResult((requestsPerSecond + other.requestsPerSecond) / 2, requests + other.requests,
                    non2xx + other.non2xx, socketErrors + other.socketErrors);
        }
    }

    static WrkResult wrk(String url, String token, int connections, Duration duration) {
        String output = run(List.of(WRK.toString(), "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                // A slow answer on a busy machine is slow, not failed: only a missing one counts as an error.
                "--timeout", "10s",
                "-H", "Authorization: Bearer " + token, url), duration.plusSeconds(60));
        double rps = number(output, "Requests/sec:\\s+([\\d.]+)", -1);
        if (rps < 0) {
            throw new BenchException("wrk gave no figure: " + output);
        }
        long requests = (long) number(output, "(\\d+) requests in", 0);
        long non2xx = (long) number(output, "Non-2xx or 3xx responses:\\s+(\\d+)", 0);
        Matcher errors = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(output);
        long socket = 0;
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                socket += Long.parseLong(errors.group(g));
            }
        }
        return new WrkResult(rps, requests, non2xx, socket);
    }

    /** pgbench: transactions per second of {@code script} with {@code clients} clients. */
    static double pgbench(int port, String user, String database, Path script, int clients, Duration duration) {
        String output = run(List.of(PGBENCH.toString(), "-h", "localhost", "-p", String.valueOf(port), "-U", user, "-n",
                "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T", String.valueOf(duration.toSeconds()),
                "-f", script.toString(), database), duration.plusSeconds(60));
        double tps = number(output, "tps = ([\\d.]+) \\(without initial connection time\\)", -1);
        if (tps < 0) {
            throw new BenchException("pgbench gave no figure: " + output);
        }
        return tps;
    }

    static void pgbenchInit(int port, String user, String database) {
        run(List.of(PGBENCH.toString(), "-h", "localhost", "-p", String.valueOf(port), "-U", user, "-i", "-s", "1", "-q", database),
                Duration.ofMinutes(2));
    }

    static String run(List<String> command, Duration timeout) {
        try {
            Path out = Files.createTempFile("parley-bench-", ".out");
            try {
                Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new BenchException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
                }
                String output = Files.readString(out, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new BenchException(command.get(0) + " failed (" + process.exitValue() + "): " + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new BenchException(command.get(0) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    static double number(String text, String regex, double otherwise) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }

    /** Resident set size of a process, in MiB, from /proc. */
    static double rssMiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new BenchException("no RSS for process " + pid + ": " + e.getMessage(), e);
        }
    }
}
