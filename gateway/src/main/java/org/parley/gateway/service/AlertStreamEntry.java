package org.parley.gateway.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An alert kept in memory, where it sits in the topic, and the SSE event that carries it, rendered once
 * and written to every client that wants it.
 */
public final class AlertStreamEntry {

    private final int partition;
    private final long offset;
    private final Instant timestamp;
    private final AlertStreamAlert alert;
    private final AlertStreamCursor position;
    private final byte[] frame;

    /**
     * @param position the position just after this alert: its SSE id, from which a reconnecting client resumes
     */
    AlertStreamEntry(int partition, long offset, Instant timestamp, AlertStreamAlert alert, AlertStreamCursor position) {
        this.partition = partition;
        this.offset = offset;
        this.timestamp = timestamp;
        this.alert = alert;
        this.position = position;
        StringBuilder frame = new StringBuilder(alert.json().length() + 64)
                .append("id: ").append(position).append('\n')
                .append("event: alert\n");
        // SSE ends a field at a line break, so a multi-line payload becomes several data lines.
        for (String line : alert.json().split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        this.frame = frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** The Kafka record's timestamp: when the alert was published. */
    public Instant timestamp() {
        return timestamp;
    }

    public AlertStreamAlert alert() {
        return alert;
    }

    public AlertStreamCursor position() {
        return position;
    }

    /** The complete SSE event: {@code id:}, {@code event: alert}, {@code data:} and the blank line. */
    public byte[] frame() {
        return frame;
    }
}
