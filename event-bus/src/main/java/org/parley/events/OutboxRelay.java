package org.parley.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>A row Kafka refuses for good ({@link #refusedForGood}: too large, invalid topic, not authorised) is not an
 * outage: it is parked in {@code event_outbox_parked} (WARN, metric {@code parley.outbox.parked}) and every other
 * key goes on. Its own key's later rows wait behind it, so that key's order holds, until {@link ParkedEvents}
 * retries or discards it. Rows of other keys that Kafka acknowledged in a batch with a failed send are marked
 * sent, not sent again.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Key buckets, fixed by the migration's {@code key_bucket} column ({@code hashtext(message_key) & 15}). */
    static final int BUCKETS = 16;
    /** First key of the relay's advisory locks; the second is the bucket. */
    static final int LOCK_NAMESPACE = 0x5041524C; // "PARL"

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(1);
    /** How often a waiting relay also looks for NOTIFYs while it waits for an in-process wake-up. */
    private static final Duration WAKE_CHECK = Duration.ofMillis(100);
    private static final Duration CONTENDED_RECHECK = Duration.ofMillis(100);
    private static final Duration MAX_PURGE_INTERVAL = Duration.ofHours(1);
    private static final int PURGE_CHUNK = 5_000;
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private static final String LOCK_BUCKETS = """
            SELECT bucket FROM generate_series(0, %d) AS bucket
            WHERE pg_try_advisory_xact_lock(%d, bucket)""".formatted(BUCKETS - 1, LOCK_NAMESPACE);
    private static final String CLAIM = """
            SELECT sequence, id, topic, message_key, event_type, source, subject, data_schema, payload, created_at,
                   actor, change_reason
            FROM event_outbox o
            WHERE sent_at IS NULL AND key_bucket = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM event_outbox_parked p
                              WHERE p.topic = o.topic AND p.message_key = o.message_key AND p.sequence < o.sequence)
            ORDER BY sequence
            LIMIT ?
            FOR UPDATE OF o SKIP LOCKED""";
    private static final String MARK_SENT = "UPDATE event_outbox SET sent_at = clock_timestamp() WHERE sequence = ANY (?)";
    private static final String PARK = """
            WITH parked AS (DELETE FROM event_outbox WHERE sequence = ? RETURNING *)
            INSERT INTO event_outbox_parked (sequence, id, topic, message_key, event_type, source, subject, data_schema,
                                             payload, created_at, actor, change_reason, reason)
            SELECT sequence, id, topic, message_key, event_type, source, subject, data_schema, payload, created_at,
                   actor, change_reason, ?
            FROM parked""";
    private static final String PARKED = "SELECT count(*) FROM event_outbox_parked";
    private static final String BACKLOG = """
            SELECT count(*), coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0)
            FROM event_outbox WHERE sent_at IS NULL""";
    private static final String PURGE = """
            DELETE FROM event_outbox WHERE sequence IN (
                SELECT sequence FROM event_outbox
                WHERE sent_at < clock_timestamp() - ? * interval '1 millisecond'
                ORDER BY sent_at LIMIT %d)""".formatted(PURGE_CHUNK);

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
    private final Map<String, Object> producerConfig;
    private final Function<Map<String, Object>, Producer<String, CloudEvent>> producers;
    private final Settings settings;
    private final MeterRegistry registry;
    private final String name;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private final AtomicLong parkedRows = new AtomicLong();
    private final List<Meter> meters = new ArrayList<>();
    private final Counter published;
    private final Timer commitToPublish;

    private final Thread thread;
    private final java.util.concurrent.Semaphore woken = new java.util.concurrent.Semaphore(0);
    private volatile boolean running;
    private volatile Producer<String, CloudEvent> producer;

    // Owned by the relay thread.
    private Connection connection;
    private Outage kafkaOutage;
    private Outage databaseOutage;
    private Duration backoff;
    private Instant nextAttempt = Instant.MIN;
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
        this.producers = Objects.requireNonNull(producers, "producers");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.name = "parley-outbox-relay-" + INSTANCES.incrementAndGet();
        this.producerConfig = producerConfig(kafkaProducerConfig, name);
        resetBackoff();

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
                Producer<String, CloudEvent> inHand = producer;
                if (inHand != null) {
                    inHand.close(Duration.ZERO);
                }
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
                    if (connection == null) {
                        connect();
                    }
                    if (!Instant.now().isBefore(nextAttempt)) {
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
                    LOG.errorf(e, "%s failed unexpectedly; retrying in %s", name, backoff);
                    disconnect();
                    pause(scheduleRetry());
                }
            }
        } finally {
            disconnect();
            closeProducer(Duration.ofSeconds(5));
            LOG.debugf("%s stopped", name);
        }
    }

    private void connect() throws SQLException {
        Connection opened = dataSource.getConnection();
        try {
            opened.setAutoCommit(true);
            limitSession(opened, settings);
            try (Statement listen = opened.createStatement()) {
                listen.execute("LISTEN " + Outbox.CHANNEL);
            }
            opened.unwrap(PGConnection.class);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
        connection = opened;
        if (databaseOutage != null) {
            LOG.infof("%s: the database is reachable again after %s", name, databaseOutage.duration());
            databaseOutage = null;
            resetBackoff();
        }
        // Rows committed while we were not listening have sent no notification we could hear.
        nextAttempt = Instant.MIN;
    }

    /**
     * Bounds what a relay session can hold on to: see {@link Settings#abandonedAfter}. Set per session, so that
     * nothing is asked of the database's configuration.
     */
    static void limitSession(Connection connection, Settings settings) throws SQLException {
        long millis = settings.abandonedAfter().toMillis();
        try (Statement limits = connection.createStatement()) {
            limits.execute("SET idle_in_transaction_session_timeout = " + millis);
            limits.execute("SET statement_timeout = " + millis);
        }
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
            resetBackoff();
        }
    }

    private Batch publishBatch() throws SQLException {
        connection.setAutoCommit(false);
        boolean committed = false;
        try {
            List<Integer> buckets = lockBuckets();
            contended = buckets.size() < BUCKETS;
            if (buckets.isEmpty()) {
                // Another relay holds every bucket and will publish what is there.
                connection.commit();
                committed = true;
                return Batch.EMPTY;
            }
            List<Row> rows = claim(buckets);
            if (rows.isEmpty()) {
                connection.commit();
                committed = true;
                return Batch.EMPTY;
            }
            Sent sent = send(rows);
            List<Integer> acknowledged = markable(rows, sent.acknowledgedAt());
            if (!acknowledged.isEmpty()) {
                markSent(acknowledged.stream().map(rows::get).toList());
            }
            Row poisoned = null;
            if (sent.failure() != null && sent.failedIndex() >= 0 && refusedForGood(sent.failure())) {
                poisoned = rows.get(sent.failedIndex());
                park(poisoned, sent.failure());
            }
            connection.commit();
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
            if (!committed) {
                rollbackQuietly();
            }
            connection.setAutoCommit(true);
        }
    }

    /**
     * The acknowledged rows that may be marked sent: all but those behind an unacknowledged row of their key,
     * which go again after it to keep the key's order.
     */
    private static List<Integer> markable(List<Row> rows, Instant[] acknowledgedAt) {
        List<Integer> markable = new ArrayList<>();
        java.util.Set<String> held = new java.util.HashSet<>();
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

    /**
     * True for a failure that concerns the record, not the broker or the network, and that sending it again
     * cannot cure. A broker that is down, slow or electing a leader gives retriable failures or timeouts instead.
     */
    static boolean refusedForGood(Throwable failure) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
                || cause instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
                || cause instanceof org.apache.kafka.common.errors.InvalidTopicException
                || cause instanceof org.apache.kafka.common.errors.TopicAuthorizationException
                || cause instanceof org.apache.kafka.common.InvalidRecordException
                || cause instanceof org.apache.kafka.common.errors.SerializationException;
    }

    private void park(Row row, Exception failure) throws SQLException {
        try (PreparedStatement park = connection.prepareStatement(PARK)) {
            park.setLong(1, row.sequence());
            Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
            park.setString(2, cause.getClass().getSimpleName() + ": " + describe(cause));
            park.executeUpdate();
        }
        parkedRows.incrementAndGet();
    }

    private List<Integer> lockBuckets() throws SQLException {
        List<Integer> buckets = new ArrayList<>(BUCKETS);
        try (Statement lock = connection.createStatement(); ResultSet rows = lock.executeQuery(LOCK_BUCKETS)) {
            while (rows.next()) {
                buckets.add(rows.getInt(1));
            }
        }
        return buckets;
    }

    private List<Row> claim(List<Integer> buckets) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            Array bucketArray = connection.createArrayOf("int2", buckets.toArray());
            claim.setArray(1, bucketArray);
            claim.setInt(2, settings.batchSize());
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(
                            result.getLong(1),
                            result.getString(2),
                            result.getString(3),
                            result.getString(4),
                            result.getString(5),
                            result.getString(6),
                            result.getString(7),
                            result.getString(8),
                            result.getString(9),
                            result.getObject(10, OffsetDateTime.class).toInstant(),
                            result.getString(11),
                            result.getString(12)));
                }
            }
        }
        return rows;
    }

    /**
     * Sends the rows in sequence order and waits for every acknowledgement. After the first failure the
     * producer is closed at once, from its callback, so that no later record of the same partition can reach
     * the broker ahead of the failed one when it is sent again.
     */
    private Sent send(List<Row> rows) {
        Producer<String, CloudEvent> sender = producer();
        Instant[] acknowledgedAt = new Instant[rows.size()];
        AtomicReference<Exception> failure = new AtomicReference<>();
        // The lowest index whose send failed: the row to park if the failure is for good.
        AtomicInteger failedIndex = new AtomicInteger(-1);
        Thread relayThread = Thread.currentThread();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size() && failure.get() == null; i++) {
            Row row = rows.get(i);
            int index = i;
            try {
                acks.add(sender.send(new ProducerRecord<>(row.topic(), row.key(), row.toCloudEvent()), (metadata, error) -> {
                    if (error == null) {
                        acknowledgedAt[index] = Instant.now();
                    } else if (failure.compareAndSet(null, error)) {
                        failedIndex.set(index);
                        // Refused inside send(), on this thread (e.g. too large): it never left, and nothing is sent
                        // after it, so the records before it may still be acknowledged rather than sent again.
                        if (Thread.currentThread() != relayThread) {
                            sender.close(Duration.ZERO);
                        }
                    }
                }));
            } catch (RuntimeException e) {
                if (failure.compareAndSet(null, e)) {
                    failedIndex.set(i);
                }
            }
        }
        int prefix = 0;
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
                if (prefix == i) {
                    prefix++;
                }
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause() instanceof Exception cause ? cause : e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
                break;
            }
        }
        if (failure.get() != null) {
            closeProducer(Duration.ZERO);
        }
        return new Sent(prefix, acknowledgedAt, failure.get(), failedIndex.get());
    }

    private void markSent(List<Row> rows) throws SQLException {
        try (PreparedStatement mark = connection.prepareStatement(MARK_SENT)) {
            mark.setArray(1, connection.createArrayOf("int8", rows.stream().map(Row::sequence).toArray()));
            mark.executeUpdate();
        }
    }

    private void housekeeping() throws SQLException {
        Instant now = Instant.now();
        if (!now.isBefore(nextPurge)) {
            purge();
            nextPurge = now.plus(purgeInterval());
        }
        refreshGauges();
    }

    private void purge() throws SQLException {
        int deleted;
        int total = 0;
        try (PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setLong(1, settings.retention().toMillis());
            do {
                deleted = purge.executeUpdate();
                total += deleted;
            } while (deleted == PURGE_CHUNK && running);
        }
        if (total > 0) {
            LOG.debugf("%s deleted %d sent rows older than %s", name, total, settings.retention());
        }
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
        try (Statement query = connection.createStatement(); ResultSet result = query.executeQuery(BACKLOG)) {
            result.next();
            backlog.set(result.getLong(1));
            oldestPendingMillis.set(Math.round(result.getDouble(2) * 1000));
        }
        try (Statement query = connection.createStatement(); ResultSet result = query.executeQuery(PARKED)) {
            result.next();
            parkedRows.set(result.getLong(1));
        }
    }

    /**
     * Waits for a commit's notification or the poll interval; while Kafka is down, until the next attempt,
     * whatever is committed meanwhile.
     */
    private void awaitWork() throws SQLException, InterruptedException {
        PGConnection listener = connection.unwrap(PGConnection.class);
        Instant now = Instant.now();
        Instant deadline = kafkaOutage != null ? nextAttempt
                : now.plus(contended && CONTENDED_RECHECK.compareTo(settings.pollInterval()) < 0 ? CONTENDED_RECHECK : settings.pollInterval());
        while (running && now.isBefore(deadline)) {
            long slice = Math.min(Duration.between(now, deadline).toMillis(), WAKE_CHECK.toMillis());
            // A wake-up from this process (Outbox.WakeUp) or a NOTIFY from any (pg_notify, ParkedEvents, close).
            boolean wokenHere = woken.tryAcquire(Math.max(1, slice), TimeUnit.MILLISECONDS);
            if (wokenHere) {
                woken.drainPermits();
            }
            PGNotification[] notifications = listener.getNotifications(1);
            if ((wokenHere || notifications != null && notifications.length > 0) && kafkaOutage == null) {
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
        scheduleRetry();
    }

    private void databaseUnreachable(SQLException cause) {
        disconnect();
        if (databaseOutage == null) {
            databaseOutage = new Outage(Instant.now());
            LOG.warnf("%s: the database is unreachable (%s); retrying with backoff up to %s", name, describe(cause), settings.maxBackoff());
        } else {
            LOG.debugf("%s: the database is still unreachable (%s)", name, describe(cause));
        }
        pause(scheduleRetry());
    }

    /** @return how long until the next attempt; each call doubles the following wait, up to maxBackoff */
    private Duration scheduleRetry() {
        Duration wait = backoff;
        nextAttempt = Instant.now().plus(wait);
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
        return wait;
    }

    private void resetBackoff() {
        backoff = FIRST_BACKOFF.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : FIRST_BACKOFF;
        nextAttempt = Instant.MIN;
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
        try (Connection notifier = dataSource.getConnection(); Statement notify = notifier.createStatement()) {
            if (!notifier.getAutoCommit()) {
                notifier.setAutoCommit(true);
            }
            notify.execute("NOTIFY " + Outbox.CHANNEL);
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("%s could not be woken up (%s); it stops at its next poll", name, e.getMessage());
        }
    }

    private Producer<String, CloudEvent> producer() {
        Producer<String, CloudEvent> current = producer;
        if (current == null) {
            current = producers.apply(producerConfig);
            producer = current;
        }
        return current;
    }

    private void closeProducer(Duration timeout) {
        Producer<String, CloudEvent> current = producer;
        producer = null;
        if (current != null) {
            try {
                current.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf("%s: closing the producer failed: %s", name, e.getMessage());
            }
        }
    }

    private void disconnect() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debugf("%s: rollback failed: %s", name, e.getMessage());
        }
    }

    private void removeMeters() {
        meters.forEach(registry::remove);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The connection is being discarded; nothing depends on a clean close.
        }
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? String.valueOf(cause.getMessage()) : cause.getMessage() + ": " + root.getMessage();
    }

    static Map<String, Object> producerConfig(Map<String, Object> given, String clientId) {
        Map<String, Object> config = new HashMap<>(Objects.requireNonNull(given, "kafkaProducerConfig"));
        if (config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("The Kafka producer configuration needs " + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        }
        // The outbox's promise (nothing lost, no duplicate from a retry) rests on these two.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        // One request in flight per broker: a failed record is never overtaken by a later one of its partition.
        config.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        // Latency over batching: a committed event goes out at once (Kafka 4's default waits 5 ms).
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Fail fast while Kafka is down, so that the relay backs off instead of hanging on the first send.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // A mistyped value fails here, at startup, rather than on the relay thread at every retry.
        ProducerConfig.configDef().parse(config);
        return config;
    }

    private record Row(long sequence, String id, String topic, String key, String type, String source, String subject,
                       String dataSchema, String payload, Instant createdAt, String actor, String changeReason) {

        CloudEvent toCloudEvent() {
            return CloudEventCodec.withActor(CloudEventBuilder.v1(), actor, changeReason)
                    .withId(id)
                    .withSource(URI.create(source))
                    .withType(type)
                    .withSubject(subject)
                    .withTime(createdAt.atOffset(ZoneOffset.UTC))
                    .withDataContentType(CloudEventCodec.CONTENT_TYPE)
                    .withDataSchema(URI.create(dataSchema))
                    .withData(payload.getBytes(StandardCharsets.UTF_8))
                    .build();
        }
    }

    private record Sent(int acknowledgedPrefix, Instant[] acknowledgedAt, Exception failure, int failedIndex) {
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
