package org.parley.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The relay's side of Kafka: an idempotent producer ({@code acks=all}), made on first use and after every failed
 * batch, that sends claimed rows in sequence order and reports which the broker acknowledged.
 */
final class KafkaSender {

    private static final Logger LOG = Logger.getLogger(KafkaSender.class);

    /**
     * @param acknowledgedPrefix how many rows from the first were acknowledged without a gap
     * @param acknowledgedAt     per row, when the broker acknowledged it; null if it did not
     * @param failure            the first failure, or null
     * @param failedIndex        the lowest row whose send failed, -1 if none did (the row to park if the failure is for good)
     */
    record Sent(int acknowledgedPrefix, Instant[] acknowledgedAt, Exception failure, int failedIndex) {
    }

    /**
     * The relay's {@code linger.ms}: how long a sent record may wait for the round's {@code flush()} before the producer
     * sends it anyway. The flush comes right after the round's last {@code send()}, so the records leave together.
     */
    static final long HOLD_FOR_FLUSH_MS = 1_000;

    private final String name;
    private final Map<String, Object> config;
    private final Function<Map<String, Object>, Producer<String, CloudEvent>> producers;
    private volatile Producer<String, CloudEvent> producer;

    KafkaSender(String name, Map<String, Object> kafkaProducerConfig, Function<Map<String, Object>, Producer<String, CloudEvent>> producers) {
        this.name = name;
        this.producers = Objects.requireNonNull(producers, "producers");
        this.config = producerConfig(kafkaProducerConfig, name);
    }

    /**
     * Sends the rows in sequence order, in one request per broker (see {@link #HOLD_FOR_FLUSH_MS}), and waits for
     * every acknowledgement. After the first failure the producer is closed at once, from its callback, so that no
     * later record of the same partition can reach the broker ahead of the failed one when it is sent again.
     */
    Sent send(List<OutboxRow> rows) {
        Producer<String, CloudEvent> sender = producer();
        Instant[] acknowledgedAt = new Instant[rows.size()];
        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicInteger failedIndex = new AtomicInteger(-1);
        Thread relayThread = Thread.currentThread();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size() && failure.get() == null; i++) {
            OutboxRow row = rows.get(i);
            int index = i;
            try {
                acks.add(sender.send(new ProducerRecord<>(row.topic(), row.key(), row.toCloudEvent()), (metadata, error) -> {
                    if (error == null) {
                        acknowledgedAt[index] = Instant.now();
                    } else if (failure.compareAndSet(null, error)) {
                        failedIndex.set(index);
                        // Refused inside send(), on this thread (e.g. too large): it never left, and nothing is sent
                        // after it, so the records before it may still be acknowledged rather than sent again.
                        if (Thread.currentThread() != relayThread) {
                            sender.close(Duration.ZERO);
                        }
                    }
                }));
            } catch (RuntimeException e) {
                if (failure.compareAndSet(null, e)) {
                    failedIndex.set(i);
                }
            }
        }
        try {
            // Hands every record of the round to the network at once (they linger until here): one produce request
            // for the round's partitions on a broker, instead of the first record alone and the rest waiting for its
            // response (one request in flight per broker). Returns when each has been acknowledged or has failed.
            sender.flush();
        } catch (RuntimeException e) {
            // Interrupted (Kafka's InterruptException keeps the flag, so the wait below fails the batch): the futures
            // below say which rows went.
            LOG.debugf("%s: flush ended early: %s", name, e.getMessage());
        }
        int prefix = 0;
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get();
                if (prefix == i) {
                    prefix++;
                }
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause() instanceof Exception cause ? cause : e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
                break;
            }
        }
        if (failure.get() != null) {
            close(Duration.ZERO);
        }
        return new Sent(prefix, acknowledgedAt, failure.get(), failedIndex.get());
    }

    /**
     * Fails the batch in hand at once, from another thread (the relay's close, when Kafka does not answer):
     * unacknowledged rows stay unsent for the next run.
     */
    void abandonInHand() {
        Producer<String, CloudEvent> inHand = producer;
        if (inHand != null) {
            inHand.close(Duration.ZERO);
        }
    }

    void close(Duration timeout) {
        Producer<String, CloudEvent> current = producer;
        producer = null;
        if (current != null) {
            try {
                current.close(timeout);
            } catch (RuntimeException e) {
                LOG.debugf("%s: closing the producer failed: %s", name, e.getMessage());
            }
        }
    }

    private Producer<String, CloudEvent> producer() {
        Producer<String, CloudEvent> current = producer;
        if (current == null) {
            current = producers.apply(config);
            producer = current;
        }
        return current;
    }

    /**
     * True for a failure that concerns the record, not the broker or the network, and that sending it again
     * cannot cure. A broker that is down, slow or electing a leader gives retriable failures or timeouts instead.
     */
    static boolean refusedForGood(Throwable failure) {
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
                || cause instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
                || cause instanceof org.apache.kafka.common.errors.InvalidTopicException
                || cause instanceof org.apache.kafka.common.errors.TopicAuthorizationException
                || cause instanceof org.apache.kafka.common.InvalidRecordException
                || cause instanceof org.apache.kafka.common.errors.SerializationException;
    }

    static Map<String, Object> producerConfig(Map<String, Object> given, String clientId) {
        Map<String, Object> config = new HashMap<>(Objects.requireNonNull(given, "kafkaProducerConfig"));
        if (config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalArgumentException("The Kafka producer configuration needs " + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        }
        // The outbox's promise (nothing lost, no duplicate from a retry) rests on these two.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        // One request in flight per broker: a failed record is never overtaken by a later one of its partition.
        config.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        // Fail fast while Kafka is down, so that the relay backs off instead of hanging on the first send.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        // A mistyped value fails here, at startup, rather than on the relay thread at every retry.
        Map<String, Object> parsed = ProducerConfig.configDef().parse(config);
        // A round's records wait in the buffer for send()'s flush, which sends them all in one request: the linger
        // only has to outlast the loop of send() calls. The producer refuses a linger.ms longer than what
        // delivery.timeout.ms leaves beside request.timeout.ms.
        if (!config.containsKey(ProducerConfig.LINGER_MS_CONFIG)) {
            long room = (int) parsed.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG) - (int) parsed.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
            config.put(ProducerConfig.LINGER_MS_CONFIG, Math.max(0, Math.min(HOLD_FOR_FLUSH_MS, room)));
        }
        return config;
    }
}
