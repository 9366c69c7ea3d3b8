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
 * exponential backoff, before anything later on that partition. The same holds for a record that cannot be
 * decoded. Events of a type this build does not know (from a newer producer) are logged once per type and
 * skipped, which is what lets producers add event types before every consumer knows them.
 */
public final class EventConsumer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    // Well under max.poll.interval.ms (5 min by default), so a retrying consumer keeps its partitions.
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(15);
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
    private int attempt;

    /**
     * @param groupId             the Kafka consumer group: one per service and purpose, shared by its instances
     * @param kafkaConsumerConfig at least {@code bootstrap.servers}; {@code auto.offset.reset} defaults to
     *                            {@code earliest} (a new group reads the topic's history), auto-commit is
     *                            always off and the deserializers are the consumer's
     */
    public EventConsumer(String groupId, Map<String, Object> kafkaConsumerConfig, Collection<Topic> topics, EventHandler handler) {
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
        ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
        Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
        boolean failed = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (failed || !running) {
                    // Not handled yet: read it again on the next poll, after the failed event.
                    kafka.seek(partition, record.offset());
                    break;
                }
                try {
                    handle(record);
                    handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (Exception e) {
                    failed = true;
                    attempt++;
                    LOG.warnf(e, "%s: handling %s-%d@%d failed (attempt %d); retrying it in %s",
                            groupId, record.topic(), record.partition(), record.offset(), attempt, backoff);
                    kafka.seek(partition, record.offset());
                    break;
                }
            }
        }
        commit(kafka, handled);
        if (failed) {
            pause();
        } else if (!handled.isEmpty()) {
            backoff = FIRST_BACKOFF;
            attempt = 0;
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) throws Exception {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        String type = event.getType();
        if (!EventCatalog.knows(type)) {
            if (unknownTypesLogged.add(type)) {
                LOG.warnf("%s: skipping events of type %s, which this build does not know (first: %s on %s-%d@%d)",
                        groupId, type, event.getId(), record.topic(), record.partition(), record.offset());
            }
            return;
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
                CloudEventCodec.actorOf(event)));
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
