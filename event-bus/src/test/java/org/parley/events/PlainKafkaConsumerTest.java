package org.parley.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.parley.events.support.SampleEvents;
import org.parley.events.support.TestDatabase;
import org.parley.events.support.TestKafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a policy desk's own consumer sees: it reads Parley's topics with a plain {@code KafkaConsumer} and the
 * CloudEvents SDK's deserializer, knowing nothing of Parley's classes (the reading and checking below use
 * only topic names, header names and JSON).
 */
class PlainKafkaConsumerTest {

    private static final List<String> TOPICS = List.of("parley.parties.v1", "parley.negotiations.v1", "parley.alerts.v1");

    @Test
    void aPlainConsumerReadsEveryEventTypeInBinaryMode() throws Exception {
        Outbox outbox = new Outbox("parley/negotiation-service", new ObjectMapper());
        Map<String, ParleyEvent> produced = new HashMap<>();
        try (OutboxRelay relay = new OutboxRelay(TestDatabase.dataSource(), TestKafka.producerConfig(),
                OutboxRelay.Settings.defaults().withMaxBackoff(Duration.ofSeconds(1)), new SimpleMeterRegistry())) {
            relay.start();
            TestDatabase.inTransaction(connection -> {
                for (ParleyEvent event : SampleEvents.oneOfEach()) {
                    produced.put(outbox.append(connection, event).toString(), event);
                }
            });
            OutboxRelayTest.awaitSent(produced.keySet().stream().map(UUID::fromString).toList());
        }

        List<ConsumerRecord<String, CloudEvent>> received = TestKafka.readAll(TOPICS, record -> produced.containsKey(record.value().getId()));

        ObjectMapper json = new ObjectMapper();
        for (ConsumerRecord<String, CloudEvent> record : received) {
            CloudEvent event = record.value();
            ParleyEvent sent = produced.get(event.getId());
            assertEquals(SpecVersion.V1, event.getSpecVersion());
            assertEquals("parley/negotiation-service", event.getSource().toString());
            assertEquals(EventCatalog.typeOf(sent.getClass()), event.getType());
            assertEquals(EventCatalog.topicOf(sent.getClass()).topicName(), record.topic());
            assertEquals(sent.partitionKey(), record.key());
            assertEquals(sent.subject(), event.getSubject());
            assertNotNull(event.getTime());
            assertEquals("application/json", event.getDataContentType());
            assertEquals("urn:parley:events#/components/schemas/" + sent.getClass().getSimpleName(), event.getDataSchema().toString());
            JsonNode data = json.readTree(event.getData().toBytes());
            assertTrue(data.isObject() && data.size() > 0, event.getType());
            // Binary mode: the attributes travel as ce_ headers and the value is the bare JSON data.
            assertEquals(event.getType(), header(record, "ce_type"));
            assertEquals(event.getId(), header(record, "ce_id"));
            assertEquals("application/json", header(record, "content-type"));
            assertEquals(new String(new CloudEventCodec("parley/negotiation-service", new ObjectMapper()).data(sent), StandardCharsets.UTF_8),
                    new String(event.getData().toBytes(), StandardCharsets.UTF_8), "the value is the codec's JSON, byte for byte");
        }
        Set<String> types = received.stream().map(record -> record.value().getType()).collect(Collectors.toSet());
        Set<String> catalogue = EventCatalog.all().stream().map(EventCatalog::typeOf).collect(Collectors.toSet());
        assertEquals(catalogue, types);
        assertEquals(produced.size(), received.size());
    }

    private static String header(ConsumerRecord<String, CloudEvent> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
