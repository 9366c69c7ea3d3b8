package org.parley.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A browser-style Server-Sent Events client: it parses the stream as EventSource does (fields, comments,
 * blank line dispatches), on its own thread, and keeps the last event id for a reconnect.
 */
final class AlertStreamTestClient implements AutoCloseable {

    record Event(String id, String type, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final Thread reader;
    private volatile String lastEventId;
    private volatile boolean ended;

    private AlertStreamTestClient(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    static AlertStreamTestClient connect(URI uri, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + org.parley.devstack.SharedDevStack.tokens().token("viewer")).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200 || !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            throw new AssertionError("Expected an event stream, got " + response.statusCode() + ": " + body);
        }
        AlertStreamTestClient client = new AlertStreamTestClient(response.body());
        // The preamble is written once the client is registered: alerts published after this reach it.
        client.awaitComment("parley alert stream", Duration.ofSeconds(10));
        return client;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String type = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        if (id != null) {
                            lastEventId = id;
                        }
                        events.add(new Event(id, type == null ? "message" : type, data.toString()));
                    }
                    id = null;
                    type = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> type = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            // closed by the test or by the server
        } finally {
            ended = true;
        }
    }

    Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("No event within " + timeout);
        }
        return event;
    }

    List<Event> next(int count, Duration timeout) throws InterruptedException {
        List<Event> received = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("Received " + received.size() + " of " + count + " events within " + timeout);
            }
            received.add(event);
        }
        return received;
    }

    /** Nothing more arrives within {@code quiet}: no duplicate is on its way. */
    void assertNothingWithin(Duration quiet) throws InterruptedException {
        Event extra = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        if (extra != null) {
            throw new AssertionError("Unexpected event " + extra);
        }
    }

    String awaitComment(String containing, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String comment = comments.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (comment == null) {
                throw new AssertionError("No comment containing '" + containing + "' within " + timeout);
            }
            if (comment.contains(containing)) {
                return comment;
            }
        }
    }

    String lastEventId() {
        return lastEventId;
    }

    boolean ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
