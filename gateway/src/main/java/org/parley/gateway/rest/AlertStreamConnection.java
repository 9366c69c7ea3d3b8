package org.parley.gateway.rest;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.parley.gateway.service.AlertStreamHub;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client of the live alert stream. Alerts arrive from the Kafka consumer's thread into a bounded
 * queue ({@link #offer}); they are written on the connection's own event loop ({@link AlertStreamWriters}),
 * only as fast as the socket takes them. A client that lets its queue fill up is disconnected, so that it
 * holds up nobody else.
 */
final class AlertStreamConnection implements AlertStreamHub.Subscriber {

    private static final Buffer KEEP_ALIVE = Buffer.buffer(": keep-alive\n\n");
    /** Waiting alerts are joined into one write up to about this size. */
    private static final int JOINED_WRITE_BYTES = 16 * 1024;

    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final Context context;
    private final AlertStreamWriters.EventLoop writer;
    private final ArrayBlockingQueue<AlertStreamHub.Delivery> queue;
    private final AtomicBoolean pumpScheduled = new AtomicBoolean();
    private final Runnable onClose;
    /** Alerts the client missed while disconnected, written before anything from the queue. Event loop only. */
    private Iterator<AlertStreamHub.Delivery> missed = Collections.emptyIterator();
    private volatile boolean closed;

    AlertStreamConnection(HttpServerRequest request, Context context, AlertStreamWriters.EventLoop writer, int queueSize, Runnable onClose) {
        this.request = request;
        this.response = request.response();
        this.context = context;
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.onClose = onClose;
    }

    /** Sends the headers and the preamble, then what the client missed; on the event loop. */
    void start(String preamble, List<AlertStreamHub.Delivery> missedEntries) {
        response.closeHandler(nothing -> closed());
        response.exceptionHandler(failure -> closed());
        response.write(Buffer.buffer(preamble));
        missed = missedEntries.iterator();
        pump();
    }

    @Override
    public boolean offer(AlertStreamHub.Delivery delivery) {
        if (closed) {
            return true;
        }
        if (!queue.offer(delivery)) {
            return false;
        }
        schedulePump();
        return true;
    }

    @Override
    public void overflow() {
        context.runOnContext(nothing -> {
            // Whatever is still buffered for it is lost with the connection; the client resumes with its Last-Event-ID.
            closed();
            request.connection().close();
        });
    }

    /** A comment line, so that proxies and browsers see the stream is alive; skipped while alerts are waiting anyway. */
    void keepAlive() {
        context.runOnContext(nothing -> {
            if (!closed && !response.writeQueueFull() && queue.isEmpty() && !missed.hasNext()) {
                response.write(KEEP_ALIVE);
            }
        });
    }

    /** Ends the stream cleanly, e.g. when the gateway stops. */
    void end() {
        context.runOnContext(nothing -> {
            if (!closed) {
                closed();
                response.end();
            }
        });
    }

    private void schedulePump() {
        if (pumpScheduled.compareAndSet(false, true)) {
            writer.schedule(this);
        }
    }

    /**
     * Writes until the queue is empty or the socket is full; then continues when the socket drains. On the
     * event loop. A single waiting alert goes out as the buffer it shares with every other client; several
     * (a burst, or the catch-up after a reconnect) are joined into one write, so that a client costs one
     * chunk and one flush per turn rather than one per alert.
     */
    void pump() {
        pumpScheduled.set(false);
        while (!closed) {
            if (response.writeQueueFull()) {
                response.drainHandler(nothing -> pump());
                return;
            }
            AlertStreamHub.Delivery next = next();
            if (next == null) {
                return;
            }
            AlertStreamHub.Delivery after = next();
            if (after == null) {
                response.write(next.buffer());
                continue;
            }
            Buffer joined = Buffer.buffer().appendBuffer(next.buffer()).appendBuffer(after.buffer());
            while (joined.length() < JOINED_WRITE_BYTES && (after = next()) != null) {
                joined.appendBuffer(after.buffer());
            }
            response.write(joined);
        }
    }

    private AlertStreamHub.Delivery next() {
        return missed.hasNext() ? missed.next() : queue.poll();
    }

    private void closed() {
        if (!closed) {
            closed = true;
            queue.clear();
            onClose.run();
        }
    }
}
