package org.parley.gateway.service;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A position in {@code parley.alerts.v1}: for each partition, the offset of the next alert not yet seen.
 * It is the SSE {@code id} of every alert the stream sends (for example {@code 0:15,1:7,2:9}), and what a
 * client sends back as {@code Last-Event-ID}.
 * <p>
 * A position in the topic rather than a counter of this gateway, because a counter would mean something
 * else after a restart or on another gateway instance: resuming from it could skip alerts or repeat them.
 * Kafka offsets mean the same everywhere, so a client can resume on any instance, as long as the alerts it
 * missed are still kept in memory there.
 */
public final class AlertStreamCursor {

    public static final AlertStreamCursor START = new AlertStreamCursor(new TreeMap<>());

    private static final int MAX_LENGTH = 2000;
    private static final Pattern FORMAT = Pattern.compile("[0-9]{1,5}:[0-9]{1,18}(,[0-9]{1,5}:[0-9]{1,18})*");

    private final SortedMap<Integer, Long> next;

    private AlertStreamCursor(SortedMap<Integer, Long> next) {
        this.next = Collections.unmodifiableSortedMap(next);
    }

    public static AlertStreamCursor of(Map<Integer, Long> next) {
        return new AlertStreamCursor(new TreeMap<>(next));
    }

    /**
     * Reads a {@code Last-Event-ID}.
     *
     * @throws IllegalArgumentException when it is not a position this stream wrote
     */
    public static AlertStreamCursor parse(String text) {
        if (text == null || text.length() > MAX_LENGTH || !FORMAT.matcher(text).matches()) {
            throw new IllegalArgumentException("not an alert stream position");
        }
        SortedMap<Integer, Long> next = new TreeMap<>();
        for (String part : text.split(",")) {
            int colon = part.indexOf(':');
            if (next.put(Integer.parseInt(part.substring(0, colon)), Long.parseLong(part.substring(colon + 1))) != null) {
                throw new IllegalArgumentException("a partition appears twice");
            }
        }
        return new AlertStreamCursor(next);
    }

    /** The next offset to read in this partition, or {@code otherwise} when this position does not name it. */
    public long next(int partition, long otherwise) {
        Long offset = next.get(partition);
        return offset == null ? otherwise : offset;
    }

    /**
     * Per partition the further of the two positions. A client's position only ever moves this way, so the
     * ids it is sent never go backwards, whichever gateway sends them.
     */
    public AlertStreamCursor max(AlertStreamCursor other) {
        // The usual case, a client at or behind the alert it is sent: its new position is that alert's own object,
        // which lets every such client share one encoded frame (AlertStreamEntry#frameBuffer).
        if (other.covers(this)) {
            return other;
        }
        if (covers(other)) {
            return this;
        }
        SortedMap<Integer, Long> merged = new TreeMap<>(next);
        other.next.forEach((partition, offset) -> merged.merge(partition, offset, Math::max));
        return merged.equals(next) ? this : new AlertStreamCursor(merged);
    }

    /** True when this position is at or past {@code other} in every partition {@code other} names. */
    private boolean covers(AlertStreamCursor other) {
        for (Map.Entry<Integer, Long> partition : other.next.entrySet()) {
            Long mine = next.get(partition.getKey());
            if (mine == null || mine < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    public Map<Integer, Long> asMap() {
        return next;
    }

    @Override
    public String toString() {
        return next.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AlertStreamCursor cursor && cursor.next.equals(next);
    }

    @Override
    public int hashCode() {
        return Objects.hash(next);
    }
}
