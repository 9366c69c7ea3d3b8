package org.parley.events;

import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Publishes committed outbox rows to Kafka and marks them sent once the broker has acknowledged them.
 *
 * <p>One background thread holds a dedicated connection that LISTENs on {@link Outbox#CHANNEL}, so that a
 * commit wakes it at once; the poll interval is only the fallback. Each round, in one transaction, it locks
 * key buckets, claims the oldest unsent rows of those buckets ({@code FOR UPDATE SKIP LOCKED}), sends them with
 * an idempotent producer ({@code acks=all}), waits for the acknowledgements and marks the acknowledged rows
 * sent. Several relays (one per service instance) can run against one database: a bucket, and so a key, is
 * published by one relay at a time, which keeps each key's events in order.
 *
 * <p>While Kafka is down, the rows wait and the relay retries with exponential backoff, logging one WARN when
 * the outage starts and one INFO when it ends.
 *
 * <p>A row Kafka refuses for good ({@link KafkaSender#refusedForGood}: too large, invalid topic, not authorised) is not an
 * outage: it is parked in {@code event_outbox_parked} (WARN, metric {@code parley.outbox.parked}) and every other
 * key goes on. Its own key's later rows wait behind it, so that key's order holds, until {@link ParkedEvents}
 * retries or discards it. Rows of other keys that Kafka acknowledged in a batch with a failed send are marked
 * sent, not sent again.
 *
 * <p>This class is the loop: when to publish, when to wait, outages and their log lines, the metrics. Its parts:
 * {@link OutboxStore} (the SQL on the relay's connection), {@link KafkaSender} (the producer and what it
 * acknowledged) and {@link Backoff} (the waits between attempts).
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(1);
    /** How often a waiting relay also looks for NOTIFYs while it waits for an in-process wake-up. */
    private static final Duration WAKE_CHECK = Duration.ofMillis(100);
    private static final Duration CONTENDED_RECHECK = Duration.ofMillis(100);
    private static final Duration MAX_PURGE_INTERVAL = Duration.ofHours(1);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /**
     * @param pollInterval how long the relay waits for a notification before it looks anyway (the fallback)
     * @param batchSize    rows claimed and sent per transaction
     * @param retention    how long sent rows are kept (to inspect or replay) before they are deleted
     * @param maxBackoff   the longest wait between two attempts while Kafka or the database is unreachable
     */
    public record Settings(Duration pollInterval, int batchSize, Duration retention, Duration maxBackoff, Duration abandonedAfter) {

        /**
         * How long the relay's database session may sit in a transaction without a word before PostgreSQL ends
         * it, releasing its bucket and row locks ({@code idle_in_transaction_session_timeout}), and the longest a
         * relay statement may run ({@code statement_timeout}). So a relay whose host vanishes mid-batch holds
         * up the other relays for this long, not until TCP keepalive gives up (hours). It must exceed the
         * longest the relay itself waits for Kafka inside its transaction: {@code max.block.ms} +
         * {@code delivery.timeout.ms} (10 s + 30 s by default). With the default 45 s and the other relays'
         * 5 s poll, another relay takes over within a minute.
         */
        public static final Duration DEFAULT_ABANDONED_AFTER = Duration.ofSeconds(45);

        public Settings(Duration pollInterval, int batchSize, Duration retention, Duration maxBackoff) {
            this(pollInterval, batchSize, retention, maxBackoff, DEFAULT_ABANDONED_AFTER);
        }

        public Settings {
            requirePositive(abandonedAfter, "abandonedAfter");
            requirePositive(pollInterval, "pollInterval");
            requirePositive(maxBackoff, "maxBackoff");
            if (retention == null || retention.isNegative()) {
                throw new IllegalArgumentException("retention must be zero or more");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), 200, Duration.ofDays(7), Duration.ofSeconds(30));
        }

        public Settings withPollInterval(Duration value) {
            return new Settings(value, batchSize, retention, maxBackoff, abandonedAfter);
        }

        public Settings withBatchSize(int value) {
            return new Settings(pollInterval, value, retention, maxBackoff, abandonedAfter);
        }

        public Settings withRetention(Duration value) {
            return new Settings(pollInterval, batchSize, value, maxBackoff, abandonedAfter);
        }

        public Settings withMaxBackoff(Duration value) {
            return new Settings(pollInterval, batchSize, retention, value, abandonedAfter);
        }

        public Settings withAbandonedAfter(Duration value) {
            return new Settings(pollInterval, batchSize, retention, maxBackoff, value);
        }

        private static void requirePositive(Duration value, String name) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    private final DataSource dataSource;
    private final Settings settings;
    private final MeterRegistry registry;
    private final String name;
    private final OutboxStore store;
    private final KafkaSender kafka;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private final AtomicLong parkedRows = new AtomicLong();
    private final List<Meter> meters = new ArrayList<>();
    private final Counter published;
    private final Timer commitToPublish;

    private final Thread thread;
    private final Semaphore woken = new Semaphore(0);
    private volatile boolean running;

    // Owned by the relay thread.
    private final Backoff backoff;
    private Outage kafkaOutage;
    private Outage databaseOutage;
    private Instant nextGaugeRefresh = Instant.MIN;
    private Instant nextPurge = Instant.MIN;
    /**
     * Another relay held some buckets at the last claim. It may have claimed before a row this relay was woken
     * for was committed, and it is woken only by its own instance's commits or its poll, so look again soon.
     */
    private boolean contended;

    /**
     * @param kafkaProducerConfig at least {@code bootstrap.servers}; {@code enable.idempotence=true} and
     *                            {@code acks=all} are always set, and the serializers are the relay's
     * @param registry            where the relay's gauges, counter and timer go
     */
    public OutboxRelay(DataSource dataSource, Map<String, Object> kafkaProducerConfig, Settings settings, MeterRegistry registry) {
        this(dataSource, kafkaProducerConfig, settings, registry, KafkaProducer::new);
    }

    /** With another producer, for tests that decide which sends the broker acknowledges. */
    OutboxRelay(DataSource dataSource, Map<String, Object> kafkaProducerConfig, Settings settings, MeterRegistry registry,
                Function<Map<String, Object>, Producer<String, CloudEvent>> producers) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.name = "parley-outbox-relay-" + INSTANCES.incrementAndGet();
        this.kafka = new KafkaSender(name, kafkaProducerConfig, producers);
        this.store = new OutboxStore(dataSource, settings);
        this.backoff = new Backoff(settings.maxBackoff());

        meters.add(Gauge.builder("parley.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka")
                .register(registry));
        meters.add(Gauge.builder("parley.outbox.oldest.pending.age", oldestPendingMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest outbox row not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(registry));
        meters.add(Gauge.builder("parley.outbox.parked", parkedRows, AtomicLong::get)
                .description("Outbox rows Kafka refused for good, parked until retried or discarded (their keys wait)")
                .register(registry));
        published = Counter.builder("parley.outbox.published")
                .description("Events acknowledged by Kafka and marked sent")
                .register(registry);
        meters.add(published);
        commitToPublish = Timer.builder("parley.outbox.commit.to.publish")
                .description("From the append in the writer's transaction to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        meters.add(commitToPublish);

        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public synchronized void start() {
        if (running || thread.getState() != Thread.State.NEW) {
            throw new IllegalStateException("The relay can be started once");
        }
        running = true;
        thread.start();
    }

    /** Finishes the batch in hand (waiting for its acknowledgements for a while), then stops. */
    @Override
    public synchronized void close() {
        if (thread.getState() == Thread.State.NEW || !thread.isAlive()) {
            running = false;
            removeMeters();
            return;
        }
        running = false;
        wake();
        wakeUpListener();
        try {
            thread.join(CLOSE_GRACE.toMillis());
            if (thread.isAlive()) {
                // Still waiting for Kafka: fail the batch in hand; unacknowledged rows stay unsent for the next run.
                kafka.abandonInHand();
                thread.join(CLOSE_GRACE.toMillis());
            }
            if (thread.isAlive()) {
                LOG.warnf("%s did not stop within %s", name, CLOSE_GRACE.multipliedBy(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        removeMeters();
    }

    private void run() {
        LOG.debugf("%s started", name);
        try {
            while (running) {
                try {
                    if (!store.connected()) {
                        connect();
                    }
                    if (backoff.due()) {
                        drain();
                    }
                    housekeeping();
                    awaitWork();
                } catch (SQLException e) {
                    databaseUnreachable(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                } catch (RuntimeException e) {
                    // A bug rather than an outage: say so loudly, but keep the relay alive.
                    LOG.errorf(e, "%s failed unexpectedly; retrying in %s", name, backoff.next());
                    store.disconnect();
                    pause(backoff.schedule());
                }
            }
        } finally {
            store.disconnect();
            kafka.close(Duration.ofSeconds(5));
            LOG.debugf("%s stopped", name);
        }
    }

    private void connect() throws SQLException {
        store.connect();
        if (databaseOutage != null) {
            LOG.infof("%s: the database is reachable again after %s", name, databaseOutage.duration());
            databaseOutage = null;
            backoff.reset();
        }
        // Rows committed while we were not listening have sent no notification we could hear.
        backoff.attemptNow();
    }

    /** Publishes batches until one comes back short, or a send fails. */
    private void drain() throws SQLException {
        Batch batch;
        do {
            batch = publishBatch();
        } while (running && batch.full() && !batch.failed());
        if (batch.failed()) {
            kafkaUnreachable(batch.failure());
        } else if (kafkaOutage != null) {
            if (batch.published() > 0) {
                LOG.infof("%s: Kafka is reachable again after %s; publishing the events that waited", name, kafkaOutage.duration());
            } else {
                // Another instance's relay has taken what waited; with nothing to send, this one has no outage left.
                LOG.infof("%s: nothing left for this relay to publish after %s; another relay has the waiting events",
                        name, kafkaOutage.duration());
            }
            kafkaOutage = null;
            backoff.reset();
        }
    }

    /** One round, in one transaction: lock buckets, claim, send, mark what Kafka acknowledged, park what it refused. */
    private Batch publishBatch() throws SQLException {
        store.begin();
        boolean committed = false;
        try {
            List<Integer> buckets = store.lockBuckets();
            contended = buckets.size() < OutboxStore.BUCKETS;
            if (buckets.isEmpty()) {
                // Another relay holds every bucket and will publish what is there.
                store.commit();
                committed = true;
                return Batch.EMPTY;
            }
            List<OutboxRow> rows = store.claim(buckets);
            if (rows.isEmpty()) {
                store.commit();
                committed = true;
                return Batch.EMPTY;
            }
            KafkaSender.Sent sent = kafka.send(rows);
            List<Integer> acknowledged = markable(rows, sent.acknowledgedAt());
            if (!acknowledged.isEmpty()) {
                store.markSent(acknowledged.stream().map(rows::get).toList());
            }
            OutboxRow poisoned = null;
            if (sent.failure() != null && sent.failedIndex() >= 0 && KafkaSender.refusedForGood(sent.failure())) {
                poisoned = rows.get(sent.failedIndex());
                Throwable cause = sent.failure() instanceof ExecutionException && sent.failure().getCause() != null
                        ? sent.failure().getCause() : sent.failure();
                store.park(poisoned, cause.getClass().getSimpleName() + ": " + describe(cause));
                parkedRows.incrementAndGet();
            }
            store.commit();
            committed = true;
            published.increment(acknowledged.size());
            for (int i : acknowledged) {
                commitToPublish.record(Duration.between(rows.get(i).createdAt(), sent.acknowledgedAt()[i]));
            }
            if (poisoned != null) {
                LOG.warnf("%s: Kafka refused event %s (%s, key %s, topic %s) for good: %s. It is parked in "
                                + "event_outbox_parked; later events of key %s wait behind it until it is retried or "
                                + "discarded; every other key goes on.", name, poisoned.id(), poisoned.type(), poisoned.key(),
                        poisoned.topic(), describe(sent.failure()), poisoned.key());
                // Not an outage: go on at once with the rest.
                return new Batch(acknowledged.size(), true, null);
            }
            return new Batch(acknowledged.size(), rows.size() == settings.batchSize(), sent.failure());
        } finally {
            store.endRound(committed);
        }
    }

    /**
     * The acknowledged rows that may be marked sent: all but those behind an unacknowledged row of their key,
     * which go again after it to keep the key's order.
     */
    private static List<Integer> markable(List<OutboxRow> rows, Instant[] acknowledgedAt) {
        List<Integer> markable = new ArrayList<>();
        Set<String> held = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String key = rows.get(i).topic() + '\u0000' + rows.get(i).key();
            if (acknowledgedAt[i] == null) {
                held.add(key);
            } else if (!held.contains(key)) {
                markable.add(i);
            }
        }
        return markable;
    }

    private void housekeeping() throws SQLException {
        Instant now = Instant.now();
        if (!now.isBefore(nextPurge)) {
            int deleted = store.purgeSent(settings.retention(), () -> running);
            if (deleted > 0) {
                LOG.debugf("%s deleted %d sent rows older than %s", name, deleted, settings.retention());
            }
            nextPurge = now.plus(purgeInterval());
        }
        refreshGauges();
    }

    private Duration purgeInterval() {
        Duration interval = settings.retention().compareTo(MAX_PURGE_INTERVAL) > 0 ? MAX_PURGE_INTERVAL : settings.retention();
        return interval.compareTo(settings.pollInterval()) < 0 ? settings.pollInterval() : interval;
    }

    private void refreshGauges() throws SQLException {
        Instant now = Instant.now();
        if (now.isBefore(nextGaugeRefresh)) {
            return;
        }
        nextGaugeRefresh = now.plus(GAUGE_REFRESH);
        OutboxStore.Backlog pending = store.backlog();
        backlog.set(pending.rows());
        oldestPendingMillis.set(pending.oldestPendingMillis());
        parkedRows.set(store.parked());
    }

    /**
     * Waits for a commit's notification or the poll interval; while Kafka is down, until the next attempt,
     * whatever is committed meanwhile.
     */
    private void awaitWork() throws SQLException, InterruptedException {
        Instant now = Instant.now();
        Instant deadline = kafkaOutage != null ? backoff.nextAttempt()
                : now.plus(contended && CONTENDED_RECHECK.compareTo(settings.pollInterval()) < 0 ? CONTENDED_RECHECK : settings.pollInterval());
        while (running && now.isBefore(deadline)) {
            long slice = Math.min(Duration.between(now, deadline).toMillis(), WAKE_CHECK.toMillis());
            // A wake-up from this process (Outbox.WakeUp) or a NOTIFY from any (pg_notify, ParkedEvents, close).
            boolean wokenHere = woken.tryAcquire(Math.max(1, slice), TimeUnit.MILLISECONDS);
            if (wokenHere) {
                woken.drainPermits();
            }
            // Woken here, it need not wait the millisecond for a NOTIFY too; one that came meanwhile wakes the next wait.
            boolean notified = !wokenHere && store.notified();
            if ((wokenHere || notified) && kafkaOutage == null) {
                return;
            }
            refreshGauges();
            now = Instant.now();
        }
    }

    private void kafkaUnreachable(Exception cause) {
        if (kafkaOutage == null) {
            kafkaOutage = new Outage(Instant.now());
            LOG.warnf("%s: Kafka did not acknowledge (%s). Events wait in the outbox; retrying with backoff up to %s. "
                    + "The next message says when publishing resumes.", name, describe(cause), settings.maxBackoff());
        } else {
            LOG.debugf("%s: Kafka still unreachable (%s)", name, describe(cause));
        }
        backoff.schedule();
    }

    private void databaseUnreachable(SQLException cause) {
        store.disconnect();
        if (databaseOutage == null) {
            databaseOutage = new Outage(Instant.now());
            LOG.warnf("%s: the database is unreachable (%s); retrying with backoff up to %s", name, describe(cause), settings.maxBackoff());
        } else {
            LOG.debugf("%s: the database is still unreachable (%s)", name, describe(cause));
        }
        pause(backoff.schedule());
    }

    private void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime()) + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Wakes this relay now, from this process: what an {@link Outbox.WakeUp} calls after a commit, so that the
     * relay publishes at once without {@code pg_notify}. Cheap and safe from any thread.
     */
    public void wake() {
        woken.release();
    }

    /** Wakes the relay thread (and, harmlessly, the other instances' relays) out of its LISTEN wait. */
    private void wakeUpListener() {
        try {
            OutboxStore.notifyRelays(dataSource);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("%s could not be woken up (%s); it stops at its next poll", name, e.getMessage());
        }
    }

    private void removeMeters() {
        meters.forEach(registry::remove);
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? String.valueOf(cause.getMessage()) : cause.getMessage() + ": " + root.getMessage();
    }

    private record Batch(int published, boolean full, Exception failure) {
        static final Batch EMPTY = new Batch(0, false, null);

        boolean failed() {
            return failure != null;
        }
    }

    private record Outage(Instant since) {
        Duration duration() {
            return Duration.between(since, Instant.now()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        }
    }
}
