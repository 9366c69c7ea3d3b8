package org.parley.gateway.rest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.parley.events.alert.AlertSeverity;
import org.parley.gateway.config.AlertStreamConfig;
import org.parley.gateway.service.AlertStreamCursor;
import org.parley.gateway.service.AlertStreamFilter;
import org.parley.gateway.service.AlertStreamHub;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/v1/alerts/stream}: alerts as Server-Sent Events, live from {@code parley.alerts.v1}.
 * <p>
 * Each alert is an event {@code alert} whose {@code data} is the alert's JSON and whose {@code id} is its
 * position in the topic ({@link AlertStreamCursor}). A client that reconnects with that id in
 * {@code Last-Event-ID} (browsers do it by themselves) gets what it missed, once, then live alerts; if some
 * of what it missed is no longer kept, a comment says so and it starts from the oldest alert kept.
 * Query parameters {@code negotiation}, {@code party} and {@code severity} (a minimum) narrow the stream.
 * <p>
 * A plain Vert.x route, not a JAX-RS resource, because it must see the socket's back-pressure to write
 * each client only as fast as it reads.
 */
@Singleton
public class AlertStreamRoute {

    public static final String PATH = "/api/v1/alerts/stream";
    private static final String PROBLEM_TYPE_BASE = "https://parley.example/problems/";

    private final AlertStreamHub hub;
    private final AlertStreamConfig config;
    private final Vertx vertx;
    private final Set<AlertStreamConnection> connections = ConcurrentHashMap.newKeySet();
    private final AlertStreamWriters writers = new AlertStreamWriters();
    private long keepAliveTimer = -1;

    @Inject
    public AlertStreamRoute(AlertStreamHub hub, AlertStreamConfig config, Vertx vertx) {
        this.hub = hub;
        this.config = config;
        this.vertx = vertx;
    }

    /** After the API proxy (order -100), which passes the paths the gateway serves itself on to here. */
    void install(@Observes Router router) {
        router.get(PATH).order(-90).handler(this::open);
    }

    void startKeepAlive(@Observes StartupEvent event) {
        keepAliveTimer = vertx.setPeriodic(config.keepAlive().toMillis(),
                timer -> connections.forEach(AlertStreamConnection::keepAlive));
    }

    void stop(@Observes ShutdownEvent event) {
        vertx.cancelTimer(keepAliveTimer);
        connections.forEach(AlertStreamConnection::end);
    }

    private void open(RoutingContext context) {
        if (!config.enabled()) {
            problem(context, 503, "service-unavailable", "Service unavailable", "The live alert stream is switched off on this gateway", List.of());
            return;
        }
        HttpServerRequest request = context.request();
        List<JsonObject> violations = new ArrayList<>();
        Optional<UUID> negotiation = uuid(request, "negotiation", violations);
        Optional<UUID> party = uuid(request, "party", violations);
        Optional<AlertSeverity> severity = Optional.empty();
        String severityParam = request.getParam("severity");
        if (severityParam != null) {
            severity = AlertSeverity.ofWireName(severityParam);
            if (severity.isEmpty()) {
                violations.add(violation("severity", "must be one of: " + AlertSeverity.allowed()));
            }
        }
        Optional<AlertStreamCursor> lastEventId = Optional.empty();
        String lastEventIdHeader = request.getHeader("Last-Event-ID");
        if (lastEventIdHeader != null && !lastEventIdHeader.isBlank()) {
            try {
                lastEventId = Optional.of(AlertStreamCursor.parse(lastEventIdHeader.strip()));
            } catch (IllegalArgumentException e) {
                violations.add(violation("Last-Event-ID", "must be the id of an event of this stream, e.g. 0:15,1:7,2:9"));
            }
        }
        if (!violations.isEmpty()) {
            problem(context, 400, "validation", "Invalid request",
                    violations.stream().map(v -> v.getString("field") + ": " + v.getString("message")).reduce((a, b) -> a + "; " + b).orElseThrow(),
                    violations);
            return;
        }

        request.response()
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                // Tells nginx-style proxies not to hold events back in a buffer.
                .putHeader("X-Accel-Buffering", "no");
        AlertStreamConnection[] self = new AlertStreamConnection[1];
        Context eventLoop = vertx.getOrCreateContext();
        AlertStreamConnection connection = new AlertStreamConnection(request, eventLoop, writers.of(eventLoop), config.clientQueueSize(), () -> {
            connections.remove(self[0]);
            hub.unsubscribe(self[0]);
        });
        self[0] = connection;
        connections.add(connection);
        AlertStreamHub.Subscription subscription = hub.subscribe(
                new AlertStreamFilter(negotiation, party, severity), lastEventId, connection);
        StringBuilder preamble = new StringBuilder()
                .append("retry: ").append(config.retry().toMillis()).append('\n')
                .append(": parley alert stream\n\n");
        if (subscription.gap()) {
            preamble.append(": some alerts after Last-Event-ID are no longer kept (kept: the last ")
                    .append(config.bufferSize()).append(" alerts of the last ").append(config.retention())
                    .append("); resuming from the oldest alert kept")
                    .append(subscription.oldestKept().map(t -> ", published " + DateTimeFormatter.ISO_INSTANT.format(t)).orElse(""))
                    .append("\n\n")
                    // The comment is for people reading the raw stream; this event is for programs (EventSource
                    // listeners), which never see comments. It has no id, so it does not move the client's position.
                    .append("event: gap\ndata: ")
                    .append(new JsonObject().put("reason", "alerts after Last-Event-ID are no longer kept")
                            .put("oldestKept", subscription.oldestKept().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null))
                            .encode())
                    .append("\n\n");
        }
        connection.start(preamble.toString(), subscription.missed());
    }

    private static Optional<UUID> uuid(HttpServerRequest request, String name, List<JsonObject> violations) {
        String value = request.getParam(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            violations.add(violation(name, "must be a UUID"));
            return Optional.empty();
        }
    }

    private static JsonObject violation(String field, String message) {
        return new JsonObject().put("field", field).put("message", message);
    }

    private static void problem(RoutingContext context, int status, String kind, String title, String detail, List<JsonObject> violations) {
        JsonObject problem = new JsonObject()
                .put("type", PROBLEM_TYPE_BASE + kind)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", context.request().path());
        if (!violations.isEmpty()) {
            problem.put("violations", new JsonArray(new ArrayList<>(violations)));
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(problem.encode());
    }
}
