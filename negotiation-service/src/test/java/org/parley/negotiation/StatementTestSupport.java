package org.parley.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.parley.devstack.SharedDevStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.parley.negotiation.Fixtures.post;

/** What the statement, incident and timeline tests share: article sources, meetings, and reading events back from Kafka. */
final class StatementTestSupport {

    static final String TOPIC = "parley.negotiations.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatementTestSupport() {
    }

    static Map<String, Object> source(String attribution) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("publication", "Associated Press");
        source.put("url", "https://apnews.com/article/russia-ukraine-war-putin-witkoff-kushner");
        source.put("publishedOn", "2024-03-15");
        source.put("attribution", attribution);
        return source;
    }

    static UUID meeting(UUID negotiation, String startsAt, List<UUID> envoys, List<UUID> parties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", negotiation.toString());
        body.put("title", "Witkoff and Kushner meet Putin at the Kremlin");
        body.put("startsAt", startsAt);
        body.put("duration", "PT5H");
        body.put("location", Map.of("city", "Moscow", "venue", "The Kremlin"));
        body.put("format", "in_person");
        body.put("status", "held");
        body.put("participantEnvoyIds", envoys.stream().map(UUID::toString).toList());
        body.put("partyIds", parties.stream().map(UUID::toString).toList());
        body.put("sources", List.of(source(null)));
        return UUID.fromString(post("/api/v1/meetings", body).statusCode(201).extract().path("id"));
    }

    /** The event published about this subject with this type, read from the start of the topic; fails after a while. */
    static Received event(String type, Object subject) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedDevStack.connection().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "facts-test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                if (!partitions.isEmpty()) {
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    break;
                }
            }
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (type.equals(header(record, "ce_type")) && subject.toString().equals(header(record, "ce_subject"))) {
                        return new Received(record.key(), JSON.readTree(record.value()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("No " + type + " event about " + subject + " on " + TOPIC);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    record Received(String key, JsonNode data) {
    }
}
