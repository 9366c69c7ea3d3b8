package org.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.devstack.DevTokens;
import org.parley.devstack.SharedDevStack;
import org.parley.gateway.routing.RoutingTable;
import org.parley.gateway.security.AccessRules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorisation matrix, generated from the OpenAPI document the gateway serves: for every operation, and
 * both through the gateway and straight to the service that owns it, no token and a token that is expired or
 * from another issuer get 401, a token without a role the operation lists gets 403, and a token with the
 * lowest role it lists gets neither. An operation without a security requirement fails the test, so a new
 * operation cannot slip through unguarded; nor can one whose roles the gateway's own first check
 * ({@link AccessRules}) does not demand exactly.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL gateway;

    /** One operation and one place to send it: the gateway, or the service itself. */
    record Call(String target, String baseUrl, String method, String path, String operationId, List<String> roles) {
        @Override
        public String toString() {
            return method + " " + path + " (" + operationId + ") at " + target;
        }
    }

    @Test
    void everyOperationRefusesWhatItMustAndAdmitsItsRoles() throws Exception {
        List<Call> calls = calls();
        assertTrue(calls.size() > 40, "the document has Parley's operations: " + calls.size());
        DevTokens trusted = SharedDevStack.tokens();
        DevTokens foreign = DevTokens.foreign();
        List<String> failures = new ArrayList<>();
        for (Call call : calls) {
            String lowest = call.roles().get(0);
            String outsider = DevTokens.ROLES.stream().filter(role -> !call.roles().contains(role)).reduce((a, b) -> b).orElse("guest");
            Instant later = Instant.now().plus(Duration.ofHours(1));
            expect(failures, call, "no token", null, 401);
            expect(failures, call, "role " + outsider, trusted.token("matrix-" + outsider, List.of(outsider), later), 403);
            expect(failures, call, "expired token", trusted.token("matrix-" + lowest, List.of(lowest), Instant.now().minusSeconds(60)), 401);
            expect(failures, call, "another issuer's token", foreign.token("matrix-" + lowest, List.of(lowest), later), 401);
            int admitted = send(call, trusted.token("matrix-" + lowest, List.of(lowest), later)).statusCode();
            if (admitted == 401 || admitted == 403) {
                failures.add(call + " with role " + lowest + ": " + admitted);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " cells of the matrix are wrong:\n" + String.join("\n", failures));
    }

    private void expect(List<String> failures, Call call, String what, String token, int status) throws Exception {
        HttpResponse<InputStream> response = send(call, token);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != status || !contentType.startsWith("application/problem+json")) {
            failures.add(call + " with " + what + ": " + response.statusCode() + " " + contentType + ", expected " + status + " problem");
        }
    }

    /** The operations of the served document, each with the gateway and the owning service as targets. */
    private List<Call> calls() throws Exception {
        JsonNode document = JSON.readTree(HTTP.send(HttpRequest.newBuilder(gateway.toURI().resolve("/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        Map<String, String> services = Map.of(RoutingTable.PARTY_SERVICE, ParleyServicesResource.partyServiceUrl,
                RoutingTable.NEGOTIATION_SERVICE, ParleyServicesResource.negotiationServiceUrl);
        RoutingTable table = RoutingTable.parley();
        List<Call> calls = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/v1")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                String method = operation.getKey().toUpperCase();
                String operationId = operation.getValue().path("operationId").asText();
                List<String> roles = new ArrayList<>();
                operation.getValue().path("security").forEach(requirement -> requirement.path("bearer").forEach(role -> roles.add(role.asText())));
                assertFalse(roles.isEmpty(), method + " " + path.getKey() + " (" + operationId + ") declares no roles: every operation needs a bearer token");
                roles.sort(java.util.Comparator.comparingInt(role -> DevTokens.ROLES.indexOf(role)));
                String concrete = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                // Through the gateway a service's own check would hide a gateway rule that admits too much: compare it here.
                assertEquals(roles, AccessRules.allowed(method, concrete),
                        "the gateway's AccessRules for " + method + " " + path.getKey() + " (" + operationId + ") against the document");
                calls.add(new Call("gateway", gateway.toString().replaceAll("/$", ""), method, concrete, operationId, roles));
                String owner = table.ownerOf(concrete);
                if (services.containsKey(owner)) {
                    calls.add(new Call(owner, services.get(owner), method, concrete, operationId, roles));
                }
            }
        }
        return calls;
    }

    private static HttpResponse<InputStream> send(Call call, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.baseUrl() + call.path()))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (call.method().equals("GET") || call.method().equals("DELETE")) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(call.method(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        // A stream's answer is judged by its status; its body would never end.
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response;
    }

    @Test
    void aRefusalSaysWhichRoleIsNeeded() throws Exception {
        String viewer = SharedDevStack.tokens().token("viewer");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(gateway.toURI().resolve("/api/v1/parties"))
                .header("Authorization", "Bearer " + viewer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("needs the role admin"), refused.body());

        HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create(ParleyServicesResource.negotiationServiceUrl + "/api/v1/negotiations"))
                .header("Authorization", "Bearer " + viewer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, direct.statusCode());
        assertTrue(direct.body().contains("needs the role analyst or admin"), direct.body());

        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(ParleyServicesResource.partyServiceUrl + "/api/v1/parties")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "a service reached directly refuses a request without a token");
        assertEquals("Bearer", anonymous.headers().firstValue("WWW-Authenticate").orElse(null));
        assertTrue(anonymous.body().contains("viewer, analyst or admin"), anonymous.body());
    }
}
