package org.parley.events.support;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.parley.devstack.SharedDevStack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Kafka settings for tests on the shared broker, and a reader that collects records until it has enough. */
public final class TestKafka {

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return SharedDevStack.get().kafkaBootstrapServers();
    }

    /** Short timeouts, so that an outage is noticed in seconds rather than the production defaults. */
    public static Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_500);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3_000);
        return config;
    }

    public static Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    public static String uniqueGroup(String purpose) {
        return "test-" + purpose + "-" + UUID.randomUUID();
    }

    /**
     * Everything published to the topics so far, read with a plain consumer and the CloudEvents SDK's
     * deserializer: from the beginning up to the end offsets as they are when the read starts.
     */
    public static List<ConsumerRecord<String, CloudEvent>> readAll(List<String> topics, Predicate<ConsumerRecord<String, CloudEvent>> keep) {
        Map<String, Object> config = consumerConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        List<ConsumerRecord<String, CloudEvent>> kept = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                for (PartitionInfo partition : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(PATIENCE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Could not read " + topics + " to their end offsets " + end);
                }
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keep.test(record)) {
                        kept.add(record);
                    }
                }
            }
        }
        return kept;
    }

    /**
     * Reads the topics from the beginning, with the CloudEvents SDK's deserializer, keeping the records that
     * {@code keep} accepts, until {@code enough} holds for them or {@link #PATIENCE} runs out.
     */
    public static List<ConsumerRecord<String, CloudEvent>> read(List<String> topics,
                                                                Predicate<ConsumerRecord<String, CloudEvent>> keep,
                                                                Predicate<List<ConsumerRecord<String, CloudEvent>>> enough) {
        Map<String, Object> config = consumerConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, uniqueGroup("reader"));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        List<ConsumerRecord<String, CloudEvent>> kept = new ArrayList<>();
        Instant deadline = Instant.now().plus(PATIENCE);
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(topics);
            while (!enough.test(kept) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keep.test(record)) {
                        kept.add(record);
                    }
                }
            }
        }
        return kept;
    }
}
