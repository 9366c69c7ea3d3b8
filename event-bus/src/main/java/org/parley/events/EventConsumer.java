package org.parley.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads Parley events from Kafka on a thread of its own and hands them, in order per partition, to an
 * {@link EventHandler}. Offsets are committed only after the handler has returned, so an event is handled at
 * least once; with {@link Inbox} in the handler's transaction its effect is applied exactly once.
 *
 * <p>A handler failure is never skipped: the consumer goes back to the failed event and tries it again, with
 * exponential backoff, before anything later on <em>that partition</em>; only that partition is paused, the
 * others keep flowing. The same holds for a record that cannot be decoded. After {@code maxAttempts} tries the
 * record is parked in {@code event_inbox_parked} (WARN, metric-free: {@link ParkedEvents} lists and retries
 * them) and the partition goes on; without a parking store it is retried for ever. A failure caused by the
 * database being unreachable ({@link DatabaseOutage}) is not a try: the partition waits with the same backoff
 * (up to 30 s) for as long as the outage lasts, and only the record's own faults count towards parking.
 *
 * <p>An event of a type this build does not know (a producer was upgraded before this consumer) is parked at
 * once, with a WARN once per type, and its partition goes on; when a build that knows the type starts, it
 * hands those parked records to its handler by itself, so nothing is lost. Without a parking store the
 * partition stops there instead, loudly (ERROR), committing nothing past it, until the consumer is upgraded.
 * docs/operations.md gives the upgrade order (consumers first) that keeps both from happening.
 */
public final class EventConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    // Well under max.poll.interval.ms (5 min by default), so a retrying consumer keeps its partitions.
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(15);
    private static final Duration PARKED_RETRY_CHECK = Duration.ofSeconds(5);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String groupId;
    private final Map<String, Object> config;
    private final List<String> topics;
    private final EventHandler handler;
    private final CloudEventCodec codec = new CloudEventCodec("parley/event-consumer", new ObjectMapper());
    private final Set<String> unknownTypesLogged = new HashSet<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;

    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Duration backoff = FIRST_BACKOFF;
    private final int maxAttempts;
    private final ParkedEvents.Store parking;
    /** Per partition in trouble: the record being retried, how often it failed, and when to try again. */
    private final Map<TopicPartition, Retry> retries = new HashMap<>();
    /** Partitions stopped at an event of a type this build does not know; they stay paused until a restart. */
    private final Set<TopicPartition> stopped = new HashSet<>();
    private long nextParkedRetryCheck;

    private record Retry(long offset, int attempts, Duration backoff, long resumeAtNanos) {
    }

    /** The record's event type is not in this build's {@link EventCatalog}. */
    private static final class UnknownEventType extends Exception {
        final String type;

        UnknownEventType(String type) {
            super(ParkedEvents.UNKNOWN_TYPE + type, null, false, false);
            this.type = type;
        }
    }

    /**
     * @param groupId             the Kafka consumer group: one per service and purpose, shared by its instances
     * @param kafkaConsumerConfig at least {@code bootstrap.servers}; {@code auto.offset.reset} defaults to
     *                            {@code earliest} (a new group reads the topic's history), auto-commit is
     *                            always off and the deserializers are the consumer's
     */
    public EventConsumer(String groupId, Map<String, Object> kafkaConsumerConfig, Collection<Topic> topics, EventHandler handler) {
        this(groupId, kafkaConsumerConfig, topics, handler, null, Integer.MAX_VALUE);
    }

    /**
     * @param parking     where records are parked after {@code maxAttempts} failed tries, and where an operator's
     *                    retries of parked records come from; {@code null} to retry for ever
     * @param maxAttempts tries of one record before it is parked
     */
    public EventConsumer(String groupId, Map<String, Object> kafkaConsumerConfig, Collection<Topic> topics, EventHandler handler,
                         ParkedEvents.Store parking, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.parking = parking;
        this.maxAttempts = maxAttempts;
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.topics = topics.stream().map(Topic::topicName).toList();
        if (this.topics.isEmpty()) {
            throw new IllegalArgumentException("An event consumer needs at least one topic");
        }
        this.handler = Objects.requireNonNull(handler, "handler");
        String name = "parley-event-consumer-" + groupId + "-" + INSTANCES.incrementAndGet();
        this.config = consumerConfig(kafkaConsumerConfig, groupId, name);
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public synchronized void start() {
        if (running || thread.getState() != Thread.State.NEW) {
            throw new IllegalStateException("The consumer can be started once");
        }
        running = true;
        thread.start();
    }

    /** Lets the event in hand finish, commits its offset and leaves the group. */
    @Override
    public synchronized void close() {
        running = false;
        closing.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread.isAlive()) {
            try {
                thread.join(CLOSE_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warnf("%s did not stop within %s", thread.getName(), CLOSE_GRACE);
            }
        }
    }

    private void run() {
        if (parking != null) {
            try {
                // Events parked because an older build did not know their type: this build may.
                int requested = parking.retryKnownTypes(groupId);
                if (requested > 0) {
                    LOG.infof("%s: %d parked events of types this build knows will be applied now", groupId, requested);
                }
            } catch (java.sql.SQLException | RuntimeException e) {
                LOG.warnf("%s: could not look for parked events this build can apply (%s)", groupId, e.getMessage());
            }
        }
        try (Consumer<String, byte[]> kafka = new KafkaConsumer<>(config)) {
            consumer = kafka;
            kafka.subscribe(topics);
            while (running) {
                try {
                    pollOnce(kafka);
                } catch (WakeupException e) {
                    // close() asked us to stop; the loop condition ends it.
                } catch (KafkaException e) {
                    LOG.warnf("%s: %s; polling again in %s", groupId, e.getMessage(), backoff);
                    pause();
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s stopped: the Kafka consumer could not be used", groupId);
        } finally {
            consumer = null;
        }
    }

    private void pollOnce(Consumer<String, byte[]> kafka) {
        resumeDue(kafka);
        retryParkedOnRequest();
        ConsumerRecords<String, byte[]> records = kafka.poll(pollTimeout());
        Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!running) {
                    // Not handled yet: read again after a restart, from the committed offset.
                    kafka.seek(partition, record.offset());
                    break;
                }
                if (!handleOrPark(kafka, partition, record)) {
                    // Read it again when this partition resumes; the other partitions go on meanwhile.
                    kafka.seek(partition, record.offset());
                    kafka.pause(List.of(partition));
                    break;
                }
                handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        commit(kafka, handled);
        if (!handled.isEmpty()) {
            backoff = FIRST_BACKOFF;
        }
    }

    /** @return true when the record is done with (handled, or parked); false when its partition must wait */
    private boolean handleOrPark(Consumer<String, byte[]> kafka, TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        try {
            handle(record);
            retries.remove(partition);
            return true;
        } catch (UnknownEventType e) {
            if (parking != null) {
                try {
                    parking.park(groupId, record, e);
                    if (unknownTypesLogged.add(e.type)) {
                        LOG.warnf("%s: parked %s-%d@%d: %s, so its producer was upgraded before this consumer "
                                        + "(docs/operations.md: upgrade consumers first). Such events are parked and applied "
                                        + "when a build that knows the type starts; the partition goes on.",
                                groupId, record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                    retries.remove(partition);
                    return true;
                } catch (java.sql.SQLException | RuntimeException parkFailure) {
                    LOG.warnf("%s: parking %s-%d@%d failed (%s); retrying it", groupId, record.topic(), record.partition(),
                            record.offset(), parkFailure.getMessage());
                    retries.put(partition, new Retry(record.offset(), 1, MAX_BACKOFF, System.nanoTime() + MAX_BACKOFF.toNanos()));
                    return false;
                }
            }
            if (stopped.add(partition) && unknownTypesLogged.add(e.type)) {
                LOG.errorf("%s: STOPPED partition %s at %s-%d@%d: %s, so this consumer was deployed before the producer "
                                + "that writes it (docs/operations.md: upgrade consumers first). Nothing after it on this "
                                + "partition is applied or committed until this consumer is upgraded; other partitions go on.",
                        groupId, partition, record.topic(), record.partition(), record.offset(), e.getMessage());
            }
            retries.remove(partition);
            return false;
        } catch (Exception e) {
            Retry previous = retries.get(partition);
            boolean sameRecord = previous != null && previous.offset() == record.offset();
            // The database being unreachable is not the record's fault: it is not a try, and never parks.
            boolean outage = DatabaseOutage.isCauseOf(e);
            int attempts = (sameRecord ? previous.attempts() : 0) + (outage ? 0 : 1);
            if (outage) {
                Duration wait = sameRecord ? min(previous.backoff().multipliedBy(2)) : FIRST_BACKOFF;
                retries.put(partition, new Retry(record.offset(), attempts, wait, System.nanoTime() + wait.toNanos()));
                LOG.warnf("%s: handling %s-%d@%d failed because the database is unreachable (%s); not counted as a try "
                                + "(%d so far), partition %s paused, retrying it in %s",
                        groupId, record.topic(), record.partition(), record.offset(), e.getMessage(), attempts, partition, wait);
                return false;
            }
            if (attempts >= maxAttempts && parking != null) {
                try {
                    parking.park(groupId, record, e);
                    LOG.warnf(e, "%s: %s-%d@%d failed %d times; parked in event_inbox_parked, the partition goes on",
                            groupId, record.topic(), record.partition(), record.offset(), attempts);
                    retries.remove(partition);
                    return true;
                } catch (java.sql.SQLException | RuntimeException parkFailure) {
                    LOG.warnf("%s: parking %s-%d@%d failed (%s); retrying it", groupId, record.topic(), record.partition(),
                            record.offset(), parkFailure.getMessage());
                }
            }
            Duration wait = sameRecord ? min(previous.backoff().multipliedBy(2)) : FIRST_BACKOFF;
            retries.put(partition, new Retry(record.offset(), attempts, wait, System.nanoTime() + wait.toNanos()));
            LOG.warnf(e, "%s: handling %s-%d@%d failed (attempt %d%s); partition %s paused, retrying it in %s",
                    groupId, record.topic(), record.partition(), record.offset(), attempts,
                    parking == null ? "" : " of " + maxAttempts, partition, wait);
            return false;
        }
    }

    private static Duration min(Duration backoff) {
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    /** Resumes the partitions whose retry is due; a stopped one stays paused. */
    private void resumeDue(Consumer<String, byte[]> kafka) {
        long now = System.nanoTime();
        List<TopicPartition> due = new java.util.ArrayList<>();
        for (TopicPartition partition : kafka.paused()) {
            Retry retry = retries.get(partition);
            if (!stopped.contains(partition) && (retry == null || now - retry.resumeAtNanos() >= 0)) {
                due.add(partition);
            }
        }
        if (!due.isEmpty()) {
            kafka.resume(due);
        }
    }

    /** Short enough to resume a paused partition on time. */
    private Duration pollTimeout() {
        long now = System.nanoTime();
        long wait = POLL.toNanos();
        for (Retry retry : retries.values()) {
            wait = Math.min(wait, Math.max(1_000_000L, retry.resumeAtNanos() - now));
        }
        return Duration.ofNanos(wait);
    }

    /** Every few seconds, hands the records an operator asked to retry back to the handler. */
    private void retryParkedOnRequest() {
        if (parking == null || System.nanoTime() - nextParkedRetryCheck < 0) {
            return;
        }
        nextParkedRetryCheck = System.nanoTime() + PARKED_RETRY_CHECK.toNanos();
        try {
            parking.retryRequested(groupId, record -> {
                try {
                    handle(record);
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
        } catch (java.sql.SQLException | RuntimeException e) {
            LOG.debugf("%s: looking for parked records to retry failed: %s", groupId, e.getMessage());
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) throws Exception {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        String type = event.getType();
        if (!EventCatalog.knows(type)) {
            throw new UnknownEventType(type);
        }
        ParleyEvent payload = codec.decode(event);
        handler.handle(new ReceivedEvent(
                event.getId(),
                type,
                event.getSource() == null ? null : event.getSource().toString(),
                event.getSubject(),
                event.getTime() == null ? null : event.getTime().toInstant(),
                record.key(),
                payload,
                CloudEventCodec.actorOf(event),
                new ReceivedEvent.Origin(groupId, record.topic(), record.partition(), record.offset())));
    }

    private void commit(Consumer<String, byte[]> kafka, Map<TopicPartition, OffsetAndMetadata> handled) {
        if (handled.isEmpty()) {
            return;
        }
        try {
            kafka.commitSync(handled);
        } catch (CommitFailedException e) {
            // The partitions moved to another instance, which starts after the last committed offset; what
            // we handled since is redelivered there and skipped by its inbox.
            LOG.infof("%s: offsets not committed after a rebalance (%s); the events will be redelivered", groupId, e.getMessage());
        }
    }

    private void pause() {
        try {
            closing.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }

    static Map<String, Object> consumerConfig(Map<String, Object> given, String groupId, String clientId) {
        Map<String, Object> config = new HashMap<>(Objects.requireNonNull(given, "kafkaConsumerConfig"));
        if (config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("The Kafka consumer configuration needs " + ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        }
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // Decoded per record, so that a record that is not a CloudEvent fails (and is retried) like a handler.
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // A mistyped value fails here, at startup, rather than on the consumer's thread.
        ConsumerConfig.configDef().parse(config);
        return config;
    }
}
