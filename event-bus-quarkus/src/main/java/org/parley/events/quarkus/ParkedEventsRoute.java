package org.parley.events.quarkus;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.parley.events.ParkedEvents;

import java.sql.SQLException;
import java.util.UUID;

/**
 * The operator's handle on parked events, on each service's own port under {@code /q/event-bus/parked}: not
 * part of the public API (the gateway routes only {@code /api/v1}), like the other {@code /q} endpoints.
 * <ul>
 *   <li>{@code GET /q/event-bus/parked}: the oldest 100 parked outbox rows and consumer records;</li>
 *   <li>{@code POST .../outbox/{eventId}/retry}, {@code DELETE .../outbox/{eventId}};</li>
 *   <li>{@code POST .../inbox/{consumer}/{topic}/{partition}/{offset}/retry}, {@code DELETE .../inbox/...}.</li>
 * </ul>
 * Answers 204 when done, 404 (problem+json) when nothing is parked there.
 */
@Singleton
public class ParkedEventsRoute {

    public static final String PATH = "/q/event-bus/parked";
    private static final int LIMIT = 100;

    private final ParkedEvents parked;

    @Inject
    public ParkedEventsRoute(EventBus eventBus) {
        this.parked = eventBus.parkedEvents();
    }

    void install(@Observes Router router) {
        router.get(PATH).blockingHandler(this::list);
        router.post(PATH + "/outbox/:eventId/retry").blockingHandler(context -> outbox(context, true));
        router.delete(PATH + "/outbox/:eventId").blockingHandler(context -> outbox(context, false));
        router.post(PATH + "/inbox/:consumer/:topic/:partition/:offset/retry").blockingHandler(context -> inbox(context, true));
        router.delete(PATH + "/inbox/:consumer/:topic/:partition/:offset").blockingHandler(context -> inbox(context, false));
    }

    private void list(RoutingContext context) {
        try {
            JsonArray outbox = new JsonArray();
            parked.outbox(LIMIT).forEach(row -> outbox.add(new JsonObject().put("eventId", row.id().toString())
                    .put("topic", row.topic()).put("key", row.key()).put("type", row.type())
                    .put("createdAt", row.createdAt().toString()).put("parkedAt", row.parkedAt().toString()).put("reason", row.reason())));
            JsonArray inbox = new JsonArray();
            parked.inbox(LIMIT).forEach(record -> inbox.add(new JsonObject().put("consumer", record.consumer())
                    .put("topic", record.topic()).put("partition", record.partition()).put("offset", record.offset())
                    .put("key", record.key()).put("eventId", record.eventId()).put("type", record.eventType())
                    .put("parkedAt", record.parkedAt().toString()).put("reason", record.reason())
                    .put("retryRequested", record.retryRequested())));
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("outbox", outbox).put("inbox", inbox).encode());
        } catch (SQLException e) {
            problem(context, 503, "Database unavailable", e.getMessage());
        }
    }

    private void outbox(RoutingContext context, boolean retry) {
        UUID eventId;
        try {
            eventId = UUID.fromString(context.pathParam("eventId"));
        } catch (IllegalArgumentException e) {
            problem(context, 400, "Invalid request", "eventId must be a UUID");
            return;
        }
        try {
            done(context, retry ? parked.retryOutbox(eventId) : parked.discardOutbox(eventId), "No outbox row " + eventId + " is parked");
        } catch (SQLException e) {
            problem(context, 503, "Database unavailable", e.getMessage());
        }
    }

    private void inbox(RoutingContext context, boolean retry) {
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(context.pathParam("partition"));
            offset = Long.parseLong(context.pathParam("offset"));
        } catch (NumberFormatException e) {
            problem(context, 400, "Invalid request", "partition and offset must be numbers");
            return;
        }
        String consumer = context.pathParam("consumer");
        String topic = context.pathParam("topic");
        try {
            boolean found = retry ? parked.retryInbox(consumer, topic, partition, offset) : parked.discardInbox(consumer, topic, partition, offset);
            done(context, found, "No record " + topic + "-" + partition + "@" + offset + " is parked for " + consumer);
        } catch (SQLException e) {
            problem(context, 503, "Database unavailable", e.getMessage());
        }
    }

    private static void done(RoutingContext context, boolean found, String notFound) {
        if (found) {
            context.response().setStatusCode(204).end();
        } else {
            problem(context, 404, "Not found", notFound);
        }
    }

    private static void problem(RoutingContext context, int status, String title, String detail) {
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).put("instance", context.request().path()).encode());
    }
}
