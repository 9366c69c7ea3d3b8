package org.parley.gateway.rest;

import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Schedules the writing of alerts to stream clients by event loop rather than by client: when an alert reaches
 * 10,000 clients, each event loop gets one task that writes to all of its clients with something waiting, not
 * one task (and possibly one wake-up) per client. The clients stay spread over the event loops their
 * connections were accepted on.
 */
final class AlertStreamWriters {

    private final Map<Context, EventLoop> loops = new ConcurrentHashMap<>();

    /** The writer of the event loop behind {@code context}; one per event loop, whatever request context it is called with. */
    EventLoop of(Context context) {
        // Quarkus gives each request a duplicated context; its root context is the event loop's.
        Context root = ((ContextInternal) context).unwrap();
        return loops.computeIfAbsent(root, EventLoop::new);
    }

    /** The connections of one event loop that have alerts waiting. */
    static final class EventLoop {

        private final Context context;
        private final ConcurrentLinkedQueue<AlertStreamConnection> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        private EventLoop(Context context) {
            this.context = context;
        }

        /** From any thread: {@code connection} has alerts to write; it is added once until it has been pumped. */
        void schedule(AlertStreamConnection connection) {
            waiting.add(connection);
            if (scheduled.compareAndSet(false, true)) {
                context.runOnContext(nothing -> drain());
            }
        }

        private void drain() {
            // Cleared before polling: a connection added after this point schedules a new drain, so none is left behind.
            scheduled.set(false);
            for (AlertStreamConnection connection; (connection = waiting.poll()) != null; ) {
                connection.pump();
            }
        }
    }
}
