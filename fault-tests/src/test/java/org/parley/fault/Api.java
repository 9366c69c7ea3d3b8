package org.parley.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.devstack.SharedDevStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The public API as a client meets it, with an admin token from the dev issuer; a failure is an answer, not an exception. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param status the HTTP status, or 0 when no answer came (connection refused, reset, timed out) */
    record Answer(int status, JsonNode body, String error) {
        boolean ok() {
            return status / 100 == 2;
        }

        String id() {
            return body.path("id").asText();
        }
    }

    private Api() {
    }

    static String token() {
        return SharedDevStack.tokens().token("admin");
    }

    static Answer send(String base, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token());
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response.statusCode() / 100 == 2 ? null : response.body());
        } catch (IOException e) {
            return new Answer(0, JSON.createObjectNode(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, JSON.createObjectNode(), "interrupted");
        }
    }

    /** Sends until the answer is a success (e.g. while negotiation-service has not yet heard of a new party). */
    static Answer eventually(String base, String method, String path, Object body) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            Answer answer = send(base, method, path, body);
            if (answer.ok()) {
                return answer;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(method + " " + path + " via " + base + " kept failing: " + answer.status() + " " + answer.error());
            }
            Pause.briefly();
        }
    }

    static Map<String, Object> party(String slug, String name) {
        return Map.of("slug", slug, "name", name, "kind", "state", "conflictRole", "belligerent");
    }
}
