package org.parley.fault;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client of {@code GET /api/v1/alerts/stream}: it keeps every alert it is sent, in order, and the SSE id of the
 * last one. {@link #resumeOn} closes its connection and opens another (on the same or the other gateway) with
 * {@code Last-Event-ID}, as a browser's EventSource does after a drop.
 */
final class AlertStreamClient implements AutoCloseable {

    private final List<String> alertIds = new ArrayList<>();
    private final AtomicInteger gaps = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    private volatile String lastEventId;
    private volatile InputStream open;
    private volatile Thread reader;

    static AlertStreamClient connect(String gateway) {
        AlertStreamClient client = new AlertStreamClient();
        client.open(gateway);
        return client;
    }

    /** Drops the connection and resumes from the last id received, on {@code gateway}. */
    synchronized void resumeOn(String gateway) {
        closeConnection();
        open(gateway);
    }

    private synchronized void open(String gateway) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/alerts/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Api.token());
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<InputStream> response = Api.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new AssertionError("The alert stream of " + gateway + " answered " + response.statusCode());
            }
            open = response.body();
        } catch (IOException e) {
            throw new AssertionError("Could not open the alert stream of " + gateway + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        connections.incrementAndGet();
        InputStream body = open;
        reader = new Thread(() -> read(body), "fault-sse-" + gateway);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String event = "message";
            StringBuilder data = new StringBuilder();
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isEmpty()) {
                    dispatch(id, event, data.toString());
                    id = null;
                    event = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // Closed by resumeOn or close, or by the gateway: the next resumeOn goes on from lastEventId.
        }
    }

    private void dispatch(String id, String event, String data) {
        if (data.isEmpty()) {
            return;
        }
        if ("gap".equals(event)) {
            gaps.incrementAndGet();
            return;
        }
        try {
            JsonNode alert = Api.JSON.readTree(data);
            synchronized (alertIds) {
                alertIds.add(alert.path("alertId").asText());
            }
        } catch (IOException e) {
            synchronized (alertIds) {
                alertIds.add("unreadable: " + data);
            }
        }
        if (id != null) {
            lastEventId = id;
        }
    }

    List<String> alertIds() {
        synchronized (alertIds) {
            return List.copyOf(alertIds);
        }
    }

    int gaps() {
        return gaps.get();
    }

    private void closeConnection() {
        InputStream body = open;
        if (body != null) {
            try {
                body.close();
            } catch (IOException e) {
                // being discarded
            }
        }
        Thread current = reader;
        if (current != null) {
            try {
                current.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }
}
