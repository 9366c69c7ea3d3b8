package org.parley.events.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.events.Outbox;
import org.parley.events.support.TestDatabase;
import org.parley.events.support.TestEvents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How much of an event-writing transaction's cost is {@code pg_notify}: the same write (an UPDATE of the
 * writer's own row, as a position write is, plus one outbox append) with the outbox that notifies and with
 * the one that does not ({@link Outbox.WakeUp}), by 1 and by 8 concurrent writers on distinct rows, so that
 * nothing but the notification can make them wait for each other. Alternating rounds; the ratio within a
 * round is the figure. Not a test: run it by hand (docs/events.md) on the real devstack.
 */
public final class NotifyCostBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Duration round = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 8);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Outbox notifying = new Outbox("parley/benchmark", JSON);
        Outbox quiet = new Outbox("parley/benchmark", JSON, connection -> { });
        TestDatabase.inTransaction(connection -> {
            try (var create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS bench_position (writer int PRIMARY KEY, n bigint NOT NULL)");
                create.execute("INSERT INTO bench_position SELECT g, 0 FROM generate_series(0, 7) g ON CONFLICT DO NOTHING");
            }
        });
        run(notifying, 1, Duration.ofSeconds(3));          // warm-up
        run(quiet, 1, Duration.ofSeconds(3));
        System.out.println("round  writers  pg_notify writes/s  no notify writes/s  ratio");
        for (int i = 1; i <= rounds; i++) {
            for (int writers : new int[] {1, 8}) {
                // Alternating which goes first, so that drift in the machine's load favours neither.
                double withNotify;
                double without;
                if (i % 2 == 1) {
                    withNotify = run(notifying, writers, round);
                    without = run(quiet, writers, round);
                } else {
                    without = run(quiet, writers, round);
                    withNotify = run(notifying, writers, round);
                }
                System.out.printf("%5d  %7d  %18.1f  %18.1f  %5.2f%n", i, writers, withNotify, without, without / withNotify);
            }
        }
    }

    /** Writes per second by {@code writers} threads for {@code duration}. */
    private static double run(Outbox outbox, int writers, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<Long>> counts = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            counts.add(pool.submit(() -> {
                UUID negotiation = UUID.randomUUID();
                long done = 0;
                try (Connection connection = TestDatabase.dataSource().getConnection();
                     PreparedStatement position = connection.prepareStatement("UPDATE bench_position SET n = n + 1 WHERE writer = ?")) {
                    connection.setAutoCommit(false);
                    while (System.nanoTime() < end) {
                        position.setInt(1, writer);
                        position.executeUpdate();
                        outbox.append(connection, TestEvents.statement(negotiation, "position"));
                        connection.commit();
                        done++;
                    }
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        return total / (double) duration.toSeconds();
    }
}
