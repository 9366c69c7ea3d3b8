package org.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Parley's HTTP API as the benchmark calls it: JSON, a bearer token, the ETag of each answer. */
final class Api {

    /** One answer: its status, ETag and body. */
    record Answer(int status, String etag, JsonNode body) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENTUAL_CONSISTENCY = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String token;

    Api(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    Answer send(String method, URI uri, Object body, String ifMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .header("X-Change-Reason", "benchmark");
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : parse(response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null), json);
        } catch (IOException e) {
            throw new BenchException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    /**
     * A write that must succeed; a 422 for a party negotiation-service has not heard of yet is retried, as
     * parties reach it as events.
     */
    Answer write(String method, URI uri, Object body, String ifMatch) {
        Instant deadline = Instant.now().plus(EVENTUAL_CONSISTENCY);
        while (true) {
            Answer answer = send(method, uri, body, ifMatch);
            if (answer.status() / 100 == 2) {
                return answer;
            }
            if (answer.status() != 422 || Instant.now().isAfter(deadline)) {
                throw new BenchException(method + " " + uri + " answered " + answer.status() + ": " + answer.body());
            }
            sleep(200);
        }
    }

    /** One timed GET that must answer 200: its duration in nanoseconds. */
    long timedGet(URI uri) {
        long start = System.nanoTime();
        Answer answer = send("GET", uri, null, null);
        long took = System.nanoTime() - start;
        if (answer.status() != 200) {
            throw new BenchException("GET " + uri + " answered " + answer.status() + ": " + answer.body());
        }
        return took;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
