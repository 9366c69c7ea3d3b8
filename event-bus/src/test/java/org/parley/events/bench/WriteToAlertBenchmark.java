package org.parley.events.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.apache.kafka.common.serialization.StringSerializer;
import org.parley.events.Outbox;
import org.parley.events.OutboxRelay;
import org.parley.events.Topic;
import org.parley.events.TopicProvisioner;
import org.parley.events.alert.AlertRaised;
import org.parley.events.support.TestDatabase;
import org.parley.events.support.TestEvents;
import org.parley.events.support.TestKafka;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The relay's share of the bench's P2 (position write → its alert at a plain Kafka consumer), without the HTTP
 * write: each sample commits one transaction that appends what a position write raising an alert appends (an event
 * on {@code parley.negotiations.v1}, then its alert on {@code parley.alerts.v1}, same key), wakes the relay in
 * process as the services' JTA synchronization does, and times from the commit returning to a plain consumer with
 * the client's defaults receiving the alert. Beside it, in the same run and alternating with it, P2's anchor: a raw
 * produce → consume round trip ({@code acks=all}, the producer's defaults) on the same broker. Not a test: run it by
 * hand (docs/events.md).
 *
 * <p>Arguments: samples (default 300), then the gap between samples in ms (default 10: the bench's next HTTP write
 * follows the alert at once, so the relay's round is still finishing when the next commit lands).
 */
public final class WriteToAlertBenchmark {

    private static final String ROUND_TRIP = "bench.round-trip";

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            System.exit(0); // the shared devstack is torn down by its shutdown hook
        }
    }

    private static void run(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int gapMillis = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        TopicProvisioner.provision(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new TopicProvisioner.Cluster(1, 1), List.of(Topic.values()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(ROUND_TRIP)) {
                admin.createTopics(List.of(new NewTopic(ROUND_TRIP, 1, (short) 1))).all().get();
            }
        }
        Outbox outbox = new Outbox("parley/benchmark", new ObjectMapper(), connection -> { });
        UUID negotiation = UUID.randomUUID();
        Random random = new Random(7);

        double[] relayed = new double[samples];
        double[] raw = new double[samples];
        try (OutboxRelay relay = new OutboxRelay(TestDatabase.dataSource(), TestKafka.producerConfig(),
                OutboxRelay.Settings.defaults(), new SimpleMeterRegistry());
             Probe alerts = new Probe(Topic.ALERTS.topicName());
             Probe roundTrips = new Probe(ROUND_TRIP);
             KafkaProducer<String, String> anchor = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            relay.start();
            Thread.sleep(2_000); // the probes' assignments and the relay's first, empty, round
            for (int i = -50; i < samples; i++) {
                Thread.sleep(gapMillis + random.nextInt(Math.max(1, gapMillis)));
                alerts.clear();
                long committed;
                try (Connection connection = TestDatabase.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    UUID cause = outbox.append(connection, TestEvents.statement(negotiation, "sample " + i));
                    outbox.append(connection, new AlertRaised(UUID.randomUUID(), negotiation, "position_rejected", "warning",
                            "sample " + i, List.of(UUID.randomUUID()), List.of(cause.toString()), Instant.now()));
                    connection.commit();
                    committed = System.nanoTime();
                    relay.wake();
                }
                long alerted = alerts.next();

                Thread.sleep(gapMillis + random.nextInt(Math.max(1, gapMillis)));
                roundTrips.clear();
                long sent = System.nanoTime();
                anchor.send(new ProducerRecord<>(ROUND_TRIP, "k" + i, "x".repeat(512)));
                long received = roundTrips.next();
                if (i >= 0) {
                    relayed[i] = (alerted - committed) / 1e6;
                    raw[i] = (received - sent) / 1e6;
                }
            }
        }
        System.out.printf("%nsamples: %d, gap %d-%d ms%n", samples, gapMillis, 2 * gapMillis);
        System.out.println("commit returned -> alert at a plain consumer, ms: " + describe(relayed));
        System.out.println("raw produce -> consume (acks=all, producer defaults), ms: " + describe(raw));
    }

    private static String describe(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f, p90 %.1f, p99 %.1f, max %.1f", at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99),
                sorted[sorted.length - 1]);
    }

    private static double at(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** A plain consumer with the client's defaults, read from the topic's end, as the bench's KafkaProbe. */
    private static final class Probe implements AutoCloseable {

        private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread poller;

        Probe(String topic) {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            poller = new Thread(() -> {
                try (consumer) {
                    while (running.get()) {
                        for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(100))) {
                            arrivals.add(System.nanoTime());
                        }
                    }
                }
            }, "benchmark-probe-" + topic);
            poller.setDaemon(true);
            poller.start();
        }

        void clear() {
            arrivals.clear();
        }

        long next() throws InterruptedException {
            Long at = arrivals.poll(30, TimeUnit.SECONDS);
            if (at == null) {
                throw new IllegalStateException("nothing arrived within 30 s");
            }
            return at;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            poller.join(5_000);
        }
    }
}
