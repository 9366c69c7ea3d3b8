package org.parley.gateway.service;

import io.vertx.core.buffer.Buffer;

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
    /** Everything after the {@code id:} line, rendered once and shared by every client. */
    private final byte[] body;
    /**
     * The whole event with this alert's own position as its id: what almost every client is sent (see
     * {@link AlertStreamCursor#max}). One read-only buffer written to every such connection: Vert.x writes a
     * slice of it, so no client copies or re-encodes it.
     */
    private final Buffer shared;

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
                .append("event: alert\n");
        // SSE ends a field at a line break, so a multi-line payload becomes several data lines.
        for (String line : alert.json().split("\r\n|\r|\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        this.body = frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        this.shared = Buffer.buffer(frame(position));
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

    /**
     * The complete SSE event for one client: {@code id:} (that client's position, see {@link AlertStreamHub}),
     * {@code event: alert}, {@code data:} and the blank line.
     */
    public byte[] frame(AlertStreamCursor id) {
        byte[] idLine = ("id: " + id + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[idLine.length + body.length];
        System.arraycopy(idLine, 0, frame, 0, idLine.length);
        System.arraycopy(body, 0, frame, idLine.length, body.length);
        return frame;
    }

    /** {@link #frame} as a buffer to write: the shared one when {@code id} is this alert's own position. */
    public Buffer frameBuffer(AlertStreamCursor id) {
        return id == position || id.equals(position) ? shared : Buffer.buffer(frame(id));
    }
}
