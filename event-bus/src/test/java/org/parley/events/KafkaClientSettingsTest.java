package org.parley.events;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the relay and the consumer insist on, what they merely default, and what they refuse at startup. */
class KafkaClientSettingsTest {

    @Test
    void theRelayAlwaysProducesIdempotentlyWithEveryReplicaButKeepsTheServicesTuning() {
        Map<String, Object> config = KafkaSender.producerConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000), "relay-1");

        assertEquals("all", config.get(ProducerConfig.ACKS_CONFIG));
        assertEquals(true, config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals(120_000, config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertEquals(1, config.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION));
        assertEquals(KafkaSender.HOLD_FOR_FLUSH_MS, config.get(ProducerConfig.LINGER_MS_CONFIG));
    }

    @Test
    void theRelaysLingerStaysWithinWhatTheDeliveryTimeoutAllowsAndIsTheServicesToChange() {
        Map<String, Object> tight = KafkaSender.producerConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1_800), "relay-1");
        Map<String, Object> given = KafkaSender.producerConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                ProducerConfig.LINGER_MS_CONFIG, 0), "relay-1");

        // The producer refuses linger.ms + request.timeout.ms > delivery.timeout.ms.
        assertEquals(300L, tight.get(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals(0, given.get(ProducerConfig.LINGER_MS_CONFIG));
    }

    @Test
    void theConsumerNeverAutoCommitsAndANewGroupStartsFromTheBeginningUnlessToldOtherwise() {
        Map<String, Object> defaults = EventConsumer.consumerConfig(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true), "gateway.alerts", "client-1");
        Map<String, Object> latest = EventConsumer.consumerConfig(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), "gateway.alerts", "client-1");

        assertEquals(false, defaults.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertEquals("earliest", defaults.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        assertEquals("gateway.alerts", defaults.get(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals("latest", latest.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
    }

    @Test
    void aMissingBrokerOrAMistypedValueIsRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> KafkaSender.producerConfig(Map.of(), "relay-1"));
        assertThrows(IllegalArgumentException.class, () -> EventConsumer.consumerConfig(Map.of(), "group", "client-1"));
        assertThrows(ConfigException.class, () -> KafkaSender.producerConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092", ProducerConfig.LINGER_MS_CONFIG, "soon"), "relay-1"));
        assertThrows(ConfigException.class, () -> EventConsumer.consumerConfig(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "many"), "group", "client-1"));
    }
}
