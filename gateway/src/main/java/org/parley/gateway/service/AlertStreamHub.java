package org.parley.gateway.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.parley.gateway.config.AlertStreamConfig;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Fans the alerts read from Kafka out to the connected stream clients, and keeps the recent ones
 * ({@link AlertStreamBuffer}) for clients that reconnect.
 * <p>
 * Publishing never waits for a client: each client has a bounded queue ({@link Subscriber#offer}), and
 * one whose queue is full is told to go ({@link Subscriber#overflow}), so a slow client cannot hold up
 * the others or the Kafka consumer. It can reconnect with its {@code Last-Event-ID} and resume.
 * One lock orders publishing against subscribing, so that a new client gets every alert exactly once:
 * those published before it subscribed in its catch-up list, later ones in its queue.
 * <p>
 * Each client has its own position, and that is the SSE id it is sent: where it started (its
 * {@code Last-Event-ID}, or the live end) moved forward, partition by partition, past every alert it was
 * sent. Not this gateway's read position: a gateway that is behind the client on some partition (just
 * restarted, or another instance) would otherwise send an id that goes backwards, and a later resume from
 * it would repeat alerts. An alert before the client's position in its partition is never sent to it.
 */
@Singleton
public class AlertStreamHub {

    /** One connected client, as the hub sees it. Both methods are called under the hub's lock and must not block. */
    public interface Subscriber {

        /** Queues an alert for writing; false when the client's queue is full. */
        boolean offer(Delivery delivery);

        /** The client did not keep up: it must be disconnected. Called once, after which it gets nothing more. */
        void overflow();
    }

    /**
     * What a new client is sent before live alerts: what it missed, and whether some of that had already
     * been dropped from memory ({@code gap}), in which case it starts from the oldest alert kept.
     */
    public record Subscription(List<Delivery> missed, boolean gap, Optional<Instant> oldestKept) {
    }

    /** An alert on its way to one client, with the id that client is sent: its position after the alert. */
    public record Delivery(AlertStreamEntry entry, AlertStreamCursor id) {

        public byte[] frame() {
            return entry.frame(id);
        }

        /** The event to write; one buffer shared with every other client at the same position. */
        public Buffer buffer() {
            return entry.frameBuffer(id);
        }
    }

    private static final class Registration {
        final Subscriber subscriber;
        final AlertStreamFilter filter;
        /** For a client without {@code Last-Event-ID}: partitions not read yet start at their live end. */
        final boolean fresh;
        AlertStreamCursor position;

        Registration(Subscriber subscriber, AlertStreamFilter filter, AlertStreamCursor position, boolean fresh) {
            this.subscriber = subscriber;
            this.filter = filter;
            this.position = position;
            this.fresh = fresh;
        }
    }

    private final Object lock = new Object();
    private final AlertStreamBuffer buffer;
    private final Set<Registration> registrations = new LinkedHashSet<>();
    private final Counter slowDisconnects;
    private volatile boolean reading;

    @Inject
    public AlertStreamHub(AlertStreamConfig config, MeterRegistry registry) {
        this.buffer = new AlertStreamBuffer(config.bufferSize(), config.retention());
        Gauge.builder("parley.alert.stream.clients", this, AlertStreamHub::clients)
                .description("Clients connected to the live alert stream").register(registry);
        Gauge.builder("parley.alert.stream.buffered", this, AlertStreamHub::buffered)
                .description("Alerts kept in memory for clients that reconnect").register(registry);
        Gauge.builder("parley.alert.stream.duplicates.skipped", this, AlertStreamHub::duplicatesSkipped)
                .description("Second copies of an alert (same CloudEvents id) read from Kafka and sent to no client").register(registry);
        this.slowDisconnects = Counter.builder("parley.alert.stream.slow.disconnects")
                .description("Clients disconnected because they did not read alerts as fast as they came").register(registry);
    }

    /** The consumer started reading a partition; see {@link AlertStreamBuffer#assign}. */
    public void assign(int partition, long start, long end) {
        synchronized (lock) {
            buffer.assign(partition, start, end);
            reading = true;
        }
    }

    /** True once the gateway reads the alerts topic. */
    public boolean isReading() {
        return reading;
    }

    /** Where the consumer resumes reading a partition after it was rebuilt; see {@link AlertStreamBuffer#resumeAt}. */
    public OptionalLong resumeAt(int partition) {
        synchronized (lock) {
            return buffer.resumeAt(partition);
        }
    }

    public void publish(int partition, long offset, Instant timestamp, AlertStreamAlert alert) {
        synchronized (lock) {
            Optional<AlertStreamEntry> kept = buffer.append(partition, offset, timestamp, alert);
            if (kept.isEmpty()) {
                return;
            }
            AlertStreamEntry entry = kept.get();
            for (var iterator = registrations.iterator(); iterator.hasNext(); ) {
                Registration registration = iterator.next();
                if (!wants(registration, entry)) {
                    continue;
                }
                if (!registration.subscriber.offer(deliver(registration, entry))) {
                    iterator.remove();
                    slowDisconnects.increment();
                    registration.subscriber.overflow();
                }
            }
        }
    }

    private boolean wants(Registration registration, AlertStreamEntry entry) {
        long from = registration.position.next(entry.partition(), registration.fresh ? buffer.liveFrom(entry.partition()) : 0L);
        return entry.offset() >= from && registration.filter.matches(entry.alert());
    }

    /**
     * Moves the client's position past {@code entry}. Taking this gateway's position at the entry is right:
     * the client was sent every alert it wants that this gateway read before it (catch-up, then live), or
     * was told of the gap.
     */
    private Delivery deliver(Registration registration, AlertStreamEntry entry) {
        registration.position = registration.position.max(entry.position());
        return new Delivery(entry, registration.position);
    }

    public void expire(Instant now) {
        synchronized (lock) {
            buffer.expire(now);
        }
    }

    /**
     * Registers a client. Without {@code lastEventId} it gets alerts published from now on; with one, it
     * first gets the kept alerts after that position.
     */
    public Subscription subscribe(AlertStreamFilter filter, Optional<AlertStreamCursor> lastEventId, Subscriber subscriber) {
        synchronized (lock) {
            Subscription subscription;
            Registration registration;
            if (lastEventId.isPresent()) {
                AlertStreamBuffer.Resume resume = buffer.after(lastEventId.get(), filter::matches);
                registration = new Registration(subscriber, filter, lastEventId.get(), false);
                List<Delivery> missed = resume.entries().stream().map(entry -> deliver(registration, entry)).toList();
                subscription = new Subscription(missed, resume.gap(), buffer.oldest().map(AlertStreamEntry::timestamp));
            } else {
                subscription = new Subscription(List.of(), false, Optional.empty());
                registration = new Registration(subscriber, filter, buffer.live(), true);
            }
            registrations.add(registration);
            return subscription;
        }
    }

    public void unsubscribe(Subscriber subscriber) {
        synchronized (lock) {
            registrations.removeIf(registration -> registration.subscriber == subscriber);
        }
    }

    public int clients() {
        synchronized (lock) {
            return registrations.size();
        }
    }

    public double slowDisconnects() {
        return slowDisconnects.count();
    }

    private double duplicatesSkipped() {
        synchronized (lock) {
            return buffer.duplicates();
        }
    }

    private double buffered() {
        synchronized (lock) {
            return buffer.size();
        }
    }
}
