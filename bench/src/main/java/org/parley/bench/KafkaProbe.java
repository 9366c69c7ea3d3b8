package org.parley.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain Kafka consumer with the client's default settings, as an alert consumer would run one: it reads
 * a topic from its end and hands over the moment each record arrived. Also P2's anchor: a raw produce →
 * consume round trip on the same broker.
 */
final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    private final Thread poller;
    private volatile boolean running = true;

    KafkaProbe(String bootstrapServers, String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(settings);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "bench-kafka-probe");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(100))) {
                arrivals.add(System.nanoTime());
            }
        }
        consumer.close();
    }

    /** Forgets what arrived so far: the next {@link #next} is a record sent after this. */
    void clear() {
        arrivals.clear();
    }

    /** When the next record arrived (System.nanoTime), waiting for it up to {@code timeout}. */
    long next(Duration timeout) {
        try {
            Long at = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (at == null) {
                throw new BenchException("no record arrived within " + timeout.toSeconds() + " s");
            }
            return at;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** P2's anchor: {@code count} records sent one at a time (acks=all), each timed from send to its arrival at a consumer. */
    static Latencies rawRoundTrips(String bootstrapServers, int count) {
        String topic = "bench.round-trip";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new BenchException("could not create " + topic + ": " + e, e);
            }
        }
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        Latencies latencies = new Latencies();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings); KafkaProbe probe = new KafkaProbe(bootstrapServers, topic)) {
            for (int i = 0; i < count + 10; i++) {
                probe.clear();
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, ByteBuffer.allocate(4).putInt(i).array(), new byte[512]));
                long arrived = probe.next(Duration.ofSeconds(30));
                if (i >= 10) {
                    // The first ten warm the connections and metadata.
                    latencies.recordNanos(arrived - start);
                }
            }
        }
        return latencies;
    }
}
