package org.parley.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a scenario (a YAML file of API steps) through Parley's public HTTP API, idempotently: each step
 * first looks for what it would create, so loading twice creates nothing new.
 *
 * <p>Step kinds, each with an optional {@code ref} under which the id of the resource is remembered and
 * used as {@code ${ref}} in later paths and bodies:
 * <ul>
 *   <li>{@code ensure}: {@code find} (a GET path, and {@code match}: fields an item of the answer must
 *       have) then, if nothing matched, {@code post} with {@code body};</li>
 *   <li>{@code put}: a PUT with {@code body}, sending the current ETag in If-Match when the resource
 *       exists already (the API treats an unchanged PUT as a no-op);</li>
 *   <li>{@code post}: a POST with {@code body}, skipped when a GET of {@code unless.get} has
 *       {@code unless.field} equal to one of {@code unless.in}, and otherwise sent with that GET's ETag
 *       in If-Match (used for status transitions).</li>
 * </ul>
 */
public final class ScenarioLoader {

    private static final Pattern REF = Pattern.compile("\\$\\{([^}]+)}");
    private static final Duration EVENTUAL_CONSISTENCY = Duration.ofSeconds(60);

    private final URI base;
    private final String bearerToken;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> refs = new HashMap<>();
    private int created;

    /**
     * @param base        the gateway's base URL
     * @param bearerToken an access token with a role that may write what the scenario holds (admin, for parties and envoys)
     */
    public ScenarioLoader(URI base, String bearerToken) {
        this.base = base;
        this.bearerToken = bearerToken;
    }

    /** The result of one load: how many resources were created now (0 on a second load). */
    public record Result(int steps, int created) {
    }

    public static JsonNode read(InputStream yaml) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(yaml);
    }

    public static JsonNode bundledSeedArticle() {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream("/scenario/seed-article.yaml")) {
            if (in == null) {
                throw new DevStackException("The seed scenario is missing from devstack's resources");
            }
            return read(in);
        } catch (IOException e) {
            throw new DevStackException("The seed scenario cannot be read: " + e.getMessage(), e);
        }
    }

    public Result load(JsonNode scenario) {
        int steps = 0;
        for (JsonNode step : scenario.path("steps")) {
            steps++;
            try {
                apply(step);
            } catch (IOException e) {
                throw new DevStackException("Scenario step " + steps + " (" + describe(step) + ") failed: " + e.getMessage(), e);
            }
        }
        return new Result(steps, created);
    }

    public String ref(String name) {
        return refs.get(name);
    }

    private void apply(JsonNode step) throws IOException {
        if (step.has("ensure")) {
            ensure(step);
        } else if (step.has("put")) {
            HttpResponse<String> current = send("GET", resolve(step.path("put").asText()), null, null);
            String etag = current.statusCode() == 200 ? current.headers().firstValue("ETag").orElse(null) : null;
            HttpResponse<String> answer = send("PUT", resolve(step.path("put").asText()), resolve(step.path("body")), etag);
            if (answer.statusCode() == 201) {
                created++;
            }
            remember(step, json.readTree(answer.body()));
        } else if (step.has("post")) {
            JsonNode unless = step.path("unless");
            String etag = null;
            if (!unless.isMissingNode()) {
                HttpResponse<String> response = send("GET", resolve(unless.path("get").asText()), null, null);
                JsonNode current = json.readTree(response.body());
                for (JsonNode value : unless.path("in")) {
                    if (current.path(unless.path("field").asText()).asText().equals(value.asText())) {
                        return;
                    }
                }
                // A status change is an update: it names the version it was based on.
                etag = response.headers().firstValue("ETag").orElse(null);
            }
            send("POST", resolve(step.path("post").asText()), resolve(step.path("body")), etag);
        } else {
            throw new IOException("unknown step kind: " + step.fieldNames().next());
        }
    }

    private void ensure(JsonNode step) throws IOException {
        JsonNode find = step.path("find");
        HttpResponse<String> found = send("GET", resolve(find.path("get").asText()), null, null);
        if (found.statusCode() == 200) {
            JsonNode answer = json.readTree(found.body());
            JsonNode candidates = answer.has("items") ? answer.path("items") : json.createArrayNode().add(answer);
            for (JsonNode candidate : candidates) {
                if (matches(candidate, resolve(find.path("match")))) {
                    remember(step, candidate);
                    return;
                }
            }
        }
        HttpResponse<String> answer = send("POST", resolve(step.path("ensure").asText()), resolve(step.path("body")), null);
        created++;
        remember(step, json.readTree(answer.body()));
    }

    private void remember(JsonNode step, JsonNode resource) {
        if (step.has("ref")) {
            refs.put(step.path("ref").asText(), resource.path("id").asText());
        }
    }

    private static boolean matches(JsonNode candidate, JsonNode match) {
        Iterator<Map.Entry<String, JsonNode>> fields = match.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!candidate.path(field.getKey()).equals(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sends one request. A 422 for an unknown reference is retried for a while: negotiation-service
     * learns of parties and envoys from events, a moment after party-service created them.
     */
    private HttpResponse<String> send(String method, String path, JsonNode body, String ifMatch) throws IOException {
        Instant deadline = Instant.now().plus(EVENTUAL_CONSISTENCY);
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + bearerToken)
                    .header("X-Change-Reason", "seed scenario")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            int status = response.statusCode();
            boolean lookup = method.equals("GET");
            if (status < 300 || (lookup && status == 404)) {
                return response;
            }
            if (status == 422 && response.body().contains("unknown-reference") && Instant.now().isBefore(deadline)) {
                KafkaBroker.sleep(500);
                continue;
            }
            throw new IOException(method + " " + path + " answered " + status + ": " + response.body());
        }
    }

    private String resolve(String text) {
        Matcher matcher = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = refs.get(name);
            if (value == null) {
                throw new DevStackException("Scenario refers to ${" + name + "} before defining it");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private JsonNode resolve(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return node.isNull() ? node : null;
        }
        if (node.isTextual()) {
            return new TextNode(resolve(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode copy = json.createArrayNode();
            node.forEach(item -> copy.add(resolve(item)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = json.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), resolve(field.getValue())));
            return copy;
        }
        return node;
    }

    private static String describe(JsonNode step) {
        return step.has("ref") ? step.path("ref").asText() : step.toString().substring(0, Math.min(80, step.toString().length()));
    }
}
