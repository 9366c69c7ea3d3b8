package org.parley.events.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.parley.events.Outbox;
import org.parley.events.OutboxRelay;
import org.parley.events.Topic;
import org.parley.events.support.TestDatabase;
import org.parley.events.support.TestEvents;
import org.parley.events.support.TestKafka;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How soon after a commit the relay publishes, with the relay idle (parked in LISTEN) before each commit and
 * the fallback poll at its default of 5 s. Not a test: run it by hand (see docs/events.md) on the real devstack
 * and write the numbers into docs/events.md.
 *
 * <p>Two measures: the relay's own timer {@code parley.outbox.commit.to.publish} (append to broker ack), and
 * commit-to-consumer, from the writer's commit returning to a plain consumer receiving the record.
 */
public final class CommitToPublishBenchmark {

    private static final String TIMER = "parley.outbox.commit.to.publish";

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Outbox outbox = new Outbox("parley/benchmark", new ObjectMapper());
        UUID negotiation = UUID.randomUUID();
        Random random = new Random(7);

        // A first relay warms up the broker, the topic and the JIT; the measured relay starts afterwards.
        try (OutboxRelay warmUp = relay(new SimpleMeterRegistry())) {
            warmUp.start();
            for (int i = 0; i < 50; i++) {
                TestDatabase.inTransaction(connection -> outbox.append(connection, TestEvents.statement(negotiation, "warm-up")));
            }
            awaitBacklogEmpty();
        }

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(TIMER)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles(0.5, 0.9, 0.99)
                        .expiry(Duration.ofHours(1))
                        .bufferLength(1)
                        .build()
                        .merge(config);
            }
        });

        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> read(negotiation.toString(), receivedAt, reading), "benchmark-reader");
        try (OutboxRelay relay = relay(registry)) {
            relay.start();
            reader.start();
            Thread.sleep(2_000); // the reader's assignment and the relay's first, empty, round
            for (int i = 0; i < samples; i++) {
                // Let the relay go idle: it is parked in LISTEN when the commit lands.
                Thread.sleep(100 + random.nextInt(100));
                try (Connection connection = TestDatabase.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    String id = outbox.append(connection, TestEvents.statement(negotiation, "sample")).toString();
                    connection.commit();
                    committedAt.put(id, System.nanoTime());
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!receivedAt.keySet().containsAll(committedAt.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            reading.set(false);
            reader.join();

            Timer timer = registry.get(TIMER).timer();
            HistogramSnapshot snapshot = timer.takeSnapshot();
            System.out.printf("%nsamples: %d, relay idle 100-200 ms before each commit, fallback poll %s%n",
                    samples, OutboxRelay.Settings.defaults().pollInterval());
            System.out.printf("relay timer %s (append -> broker ack), ms: %s, mean %.1f, max %.1f, count %d%n",
                    TIMER, percentiles(snapshot), snapshot.mean(TimeUnit.MILLISECONDS), snapshot.max(TimeUnit.MILLISECONDS), snapshot.count());

            double[] endToEnd = committedAt.entrySet().stream()
                    .filter(entry -> receivedAt.containsKey(entry.getKey()))
                    .mapToDouble(entry -> (receivedAt.get(entry.getKey()) - entry.getValue()) / 1e6)
                    .sorted()
                    .toArray();
            System.out.printf("commit returned -> plain consumer received, ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f (%d of %d received)%n",
                    at(endToEnd, 0.5), at(endToEnd, 0.9), at(endToEnd, 0.99), endToEnd[endToEnd.length - 1], endToEnd.length, samples);
        }
        System.exit(0); // the shared devstack is torn down by its shutdown hook
    }

    private static OutboxRelay relay(SimpleMeterRegistry registry) {
        return new OutboxRelay(TestDatabase.dataSource(), TestKafka.producerConfig(), OutboxRelay.Settings.defaults(), registry);
    }

    private static void read(String key, Map<String, Long> receivedAt, AtomicBoolean reading) {
        Map<String, Object> config = TestKafka.consumerConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(Topic.NEGOTIATIONS.topicName())) {
                partitions.add(new TopicPartition(partition.topic(), partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (reading.get()) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(100))) {
                    if (key.equals(record.key())) {
                        receivedAt.putIfAbsent(record.value().getId(), System.nanoTime());
                    }
                }
            }
        }
    }

    private static void awaitBacklogEmpty() throws InterruptedException {
        while (TestDatabase.count("SELECT count(*) FROM event_outbox WHERE sent_at IS NULL") > 0) {
            Thread.sleep(50);
        }
    }

    private static String percentiles(HistogramSnapshot snapshot) {
        return String.join(", ", Arrays.stream(snapshot.percentileValues())
                .map(CommitToPublishBenchmark::percentile)
                .toList());
    }

    private static String percentile(ValueAtPercentile value) {
        return String.format("p%.0f %.1f", value.percentile() * 100, value.value(TimeUnit.MILLISECONDS));
    }

    private static double at(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
