package org.parley.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;
import org.parley.events.CloudEventCodec;
import org.parley.events.EventCatalog;
import org.parley.events.alert.AlertRaised;
import org.parley.events.alert.AlertSeverity;
import org.parley.gateway.config.AlertStreamConfig;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code parley.alerts.v1} into the {@link AlertStreamHub}. Every gateway instance reads every
 * partition, so it uses no consumer group and commits no offsets: at start it goes back by time to the
 * retention, which is what a reconnecting client can resume within, and reads on from there.
 */
@Singleton
public class AlertStreamConsumer {

    private static final Logger LOG = Logger.getLogger(AlertStreamConsumer.class);
    /** How often it looks for the topic before it exists, and for partitions added later. */
    private static final Duration FIRST_LOOK = Duration.ofSeconds(1);
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BACKOFF = Duration.ofSeconds(2);

    private final AlertStreamConfig config;
    private final AlertStreamHub hub;
    private final Map<String, Object> kafkaConfig;
    private final ObjectMapper mapper;
    private final CloudEventCodec codec;
    private final String alertRaised = EventCatalog.typeOf(AlertRaised.class);

    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    @Inject
    public AlertStreamConsumer(AlertStreamConfig config, AlertStreamHub hub,
                               @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ObjectMapper mapper) {
        this.config = config;
        this.hub = hub;
        this.kafkaConfig = kafkaConfig;
        this.mapper = mapper;
        this.codec = new CloudEventCodec("parley/gateway", mapper);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("The live alert stream is disabled (parley.alert-stream.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "alert-stream-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    private void run() {
        while (running) {
            // Kafka being away is not the gateway's failure: keep trying, and keep serving what is in memory.
            try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerConfig())) {
                consumer = kafka;
                read(kafka);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                LOG.warnf("Reading %s failed (%s); retrying in %d s", config.topic(), e.toString(), BACKOFF.toSeconds());
                sleep(BACKOFF);
            } finally {
                consumer = null;
            }
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> properties = new HashMap<>(kafkaConfig);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "gateway-alert-stream");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return properties;
    }

    private void read(KafkaConsumer<byte[], byte[]> kafka) {
        Set<TopicPartition> assigned = new HashSet<>();
        long lookAt = 0;
        while (running) {
            if (System.nanoTime() - lookAt >= 0) {
                assignNewPartitions(kafka, assigned);
                lookAt = System.nanoTime() + (assigned.isEmpty() ? FIRST_LOOK : LOOK_AGAIN).toNanos();
            }
            if (assigned.isEmpty()) {
                sleep(FIRST_LOOK);
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> record : kafka.poll(POLL)) {
                accept(record);
            }
            hub.expire(Instant.now());
        }
    }

    private void assignNewPartitions(KafkaConsumer<byte[], byte[]> kafka, Set<TopicPartition> assigned) {
        List<PartitionInfo> partitions = kafka.partitionsFor(config.topic(), Duration.ofSeconds(10));
        List<TopicPartition> added = new ArrayList<>();
        for (PartitionInfo info : partitions == null ? List.<PartitionInfo>of() : partitions) {
            TopicPartition partition = new TopicPartition(info.topic(), info.partition());
            if (!assigned.contains(partition)) {
                added.add(partition);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        boolean atStart = !hub.isReading();
        assigned.addAll(added);
        kafka.assign(assigned);
        // A partition this gateway already read (the consumer was rebuilt after an error) goes on from where
        // the hub is: going back by the retention again would read, and once did send, alerts a second time.
        List<TopicPartition> fresh = new ArrayList<>();
        Map<TopicPartition, Long> earliest = kafka.beginningOffsets(added);
        for (TopicPartition partition : added) {
            var resumeAt = hub.resumeAt(partition.partition());
            if (resumeAt.isPresent()) {
                kafka.seek(partition, Math.max(resumeAt.getAsLong(), earliest.getOrDefault(partition, 0L)));
            } else {
                fresh.add(partition);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        long since = Instant.now().minus(config.retention()).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        fresh.forEach(partition -> times.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> starts = kafka.offsetsForTimes(times);
        Map<TopicPartition, Long> ends = kafka.endOffsets(fresh);
        for (TopicPartition partition : fresh) {
            OffsetAndTimestamp start = starts.get(partition);
            long from = start == null ? ends.get(partition) : start.offset();
            kafka.seek(partition, from);
            // A partition added while running holds only new alerts: all of it is live.
            hub.assign(partition.partition(), from, atStart ? ends.get(partition) : from);
        }
        LOG.infof("Reading %s partitions %s from %s back", config.topic(),
                fresh.stream().map(TopicPartition::partition).sorted().toList(), config.retention());
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        AlertStreamAlert alert;
        try {
            CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
            if (!alertRaised.equals(event.getType())) {
                LOG.debugf("Skipping %s-%d@%d of type %s", record.topic(), record.partition(), record.offset(), event.getType());
                return;
            }
            alert = toStreamAlert(event);
        } catch (RuntimeException | java.io.IOException e) {
            // One bad record must not stop the stream for everybody: it is logged and left out.
            LOG.warnf("Skipping %s-%d@%d: not an alert this gateway can read (%s)",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            return;
        }
        hub.publish(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()), alert);
    }

    private AlertStreamAlert toStreamAlert(CloudEvent event) throws java.io.IOException {
        AlertRaised raised = (AlertRaised) codec.decode(event);
        // Clients get the data as published, fields a newer producer added included, on one line.
        String json = mapper.writeValueAsString(mapper.readTree(event.getData().toBytes()));
        return new AlertStreamAlert(event.getId(), raised.negotiationId(),
                raised.partyIds() == null ? List.of() : List.copyOf(raised.partyIds()),
                AlertSeverity.ofWireName(raised.severity()).orElse(null), json);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
