package org.parley.gateway.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The alerts a reconnecting client can catch up on: the most recent ones, at most {@code capacity} of them
 * and none older than {@code maxAge}, in the order this gateway read them. Not thread-safe: the
 * {@link AlertStreamHub} guards it.
 * <p>
 * It keeps each alert once. A record read a second time (the gateway's consumer was rebuilt after a broker
 * outage and went back) is recognised by its offset; a second copy of an event under another offset (the
 * outbox relay sent it again after a failure it could not tell from a loss) by its CloudEvents id. Every
 * gateway reads a partition in the same order, so every gateway keeps the same first copy and skips the
 * same later ones: a position means the same on all of them.
 */
public final class AlertStreamBuffer {

    /** What a client resuming from a position gets: the alerts after it, and whether some were already dropped. */
    public record Resume(List<AlertStreamEntry> entries, boolean gap) {
    }

    private final int capacity;
    private final Duration maxAge;
    private final ArrayDeque<AlertStreamEntry> entries = new ArrayDeque<>();
    /** Per partition, the offset of the next alert to read: the current position. */
    private final Map<Integer, Long> next = new HashMap<>();
    /** Per partition, the offset from which every alert is still here: earlier ones were never read, or dropped. */
    private final Map<Integer, Long> complete = new HashMap<>();
    /**
     * Per partition, the end of the topic when the gateway started reading it. What comes before was
     * published before the gateway started, and only a client that asks to resume gets it.
     */
    private final Map<Integer, Long> liveFrom = new HashMap<>();
    /**
     * The CloudEvents ids of the most recent alerts read, kept longer than the alerts themselves (twice the
     * capacity) so that a late second copy is still recognised after its first copy left the buffer.
     */
    private final Set<String> seen = new LinkedHashSet<>();
    private final int seenCapacity;
    private AlertStreamCursor position = AlertStreamCursor.START;
    private long duplicates;

    public AlertStreamBuffer(int capacity, Duration maxAge) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.seenCapacity = 2 * capacity;
    }

    /**
     * A partition starts being read at {@code start} (the first offset within the retention); {@code end} is
     * where the topic ended at that moment.
     */
    public void assign(int partition, long start, long end) {
        if (next.containsKey(partition)) {
            // Read again after the consumer was rebuilt: it resumes where this buffer is (resumeAt), nothing is reset.
            return;
        }
        next.put(partition, start);
        complete.put(partition, start);
        liveFrom.put(partition, Math.max(start, end));
        position = AlertStreamCursor.of(next);
    }

    public boolean isAssigned(int partition) {
        return next.containsKey(partition);
    }

    /** Where reading a partition resumes: the offset after the last alert read, if the partition is read at all. */
    public OptionalLong resumeAt(int partition) {
        Long offset = next.get(partition);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /**
     * Keeps an alert read at {@code partition}/{@code offset}, unless it was read before (same offset) or is a
     * second copy of an alert already read (same event id): then nothing is kept and clients get nothing.
     */
    public Optional<AlertStreamEntry> append(int partition, long offset, Instant timestamp, AlertStreamAlert alert) {
        if (offset < next.getOrDefault(partition, 0L)) {
            return Optional.empty();
        }
        next.put(partition, offset + 1);
        position = AlertStreamCursor.of(next);
        if (!seen.add(alert.eventId())) {
            duplicates++;
            return Optional.empty();
        }
        if (seen.size() > seenCapacity) {
            var oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        AlertStreamEntry entry = new AlertStreamEntry(partition, offset, timestamp, alert, position);
        if (entries.size() == capacity) {
            drop();
        }
        entries.addLast(entry);
        return Optional.of(entry);
    }

    /** How many second copies of an alert were read and left out. */
    public long duplicates() {
        return duplicates;
    }

    /**
     * Drops alerts older than the retention. The topic's partitions are interleaved, so this stops at the
     * first alert young enough: an older one behind it stays a little longer.
     */
    public void expire(Instant now) {
        Instant limit = now.minus(maxAge);
        while (!entries.isEmpty() && entries.peekFirst().timestamp().isBefore(limit)) {
            drop();
        }
    }

    private void drop() {
        AlertStreamEntry oldest = entries.removeFirst();
        complete.merge(oldest.partition(), oldest.offset() + 1, Math::max);
    }

    /** The alerts after {@code from} that {@code wanted} accepts, in order. */
    public Resume after(AlertStreamCursor from, Predicate<AlertStreamAlert> wanted) {
        boolean gap = complete.entrySet().stream().anyMatch(e -> from.next(e.getKey(), 0L) < e.getValue());
        List<AlertStreamEntry> missed = new ArrayList<>();
        for (AlertStreamEntry entry : entries) {
            if (entry.offset() >= from.next(entry.partition(), 0L) && wanted.test(entry.alert())) {
                missed.add(entry);
            }
        }
        return new Resume(missed, gap);
    }

    /** The position a new client starts from: what was published after the gateway started, and from now on. */
    public AlertStreamCursor live() {
        Map<Integer, Long> live = new HashMap<>(next);
        liveFrom.forEach((partition, from) -> live.merge(partition, from, Math::max));
        return AlertStreamCursor.of(live);
    }

    /** Where live alerts of a partition begin; for a partition not read yet, from its first alert. */
    public long liveFrom(int partition) {
        return liveFrom.getOrDefault(partition, 0L);
    }

    public AlertStreamCursor position() {
        return position;
    }

    public int size() {
        return entries.size();
    }

    public Optional<AlertStreamEntry> oldest() {
        return Optional.ofNullable(entries.peekFirst());
    }
}
