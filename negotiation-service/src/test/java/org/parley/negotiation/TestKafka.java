package org.parley.negotiation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.parley.devstack.SharedDevStack;
import org.parley.events.CloudEventCodec;
import org.parley.events.ParleyEvent;
import org.parley.events.Topic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Real Kafka clients for tests: produce CloudEvents as a publisher would, and read what the service published. */
final class TestKafka {

    /** One record as read from a topic, with its CloudEvents attributes from the binary-mode headers. */
    record Published(String key, String id, String type, String source, String subject, String data) {
    }

    private TestKafka() {
    }

    private static String bootstrap() {
        return SharedDevStack.connection().kafkaBootstrapServers();
    }

    /** Encodes and sends the event as party-service's relay would; returns the CloudEvent (to send again). */
    static CloudEvent publish(ParleyEvent event, String source) {
        return publishAt(event, source, Instant.now());
    }

    /** As {@link #publish}, with the CloudEvents time of an instance whose clock says {@code time}. */
    static CloudEvent publishAt(ParleyEvent event, String source, Instant time) {
        CloudEvent cloudEvent = new CloudEventCodec(source, new ObjectMapper()).encode(event, UUID.randomUUID(), time);
        send(Topic.PARTIES, event.partitionKey(), cloudEvent);
        return cloudEvent;
    }

    static void send(Topic topic, String key, CloudEvent event) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic.topicName(), key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not produce to " + topic.topicName(), e);
        }
    }

    /** Reads the topic from the start until {@code done} holds for what matched {@code filter}, or 30 s pass. */
    static List<Published> read(Topic topic, Predicate<Published> filter, Predicate<List<Published>> done) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<Published> matched = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic.topicName()));
            while (Instant.now().isBefore(deadline) && !done.test(matched)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Published p = new Published(record.key(), header(record, "ce_id"), header(record, "ce_type"), header(record, "ce_source"),
                            header(record, "ce_subject"), record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
                    if (filter.test(p)) {
                        matched.add(p);
                    }
                }
            }
        }
        return matched;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
