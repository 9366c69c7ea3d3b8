package org.parley.party;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Test data made through the API, with names unique per call: the tests share one database and broker. */
final class Fixtures {

    private Fixtures() {
    }

    static String uniqueSlug(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36);
    }

    static Map<String, Object> party(String slug) {
        return party(slug, "Party " + slug, "state", "belligerent");
    }

    static Map<String, Object> party(String slug, String name, String kind, String conflictRole) {
        return new java.util.HashMap<>(Map.of("slug", slug, "name", name, "kind", kind, "conflictRole", conflictRole));
    }

    static ExtractableResponse<Response> createParty(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/parties").then().statusCode(201).extract();
    }

    static UUID newParty() {
        return UUID.fromString(createParty(party(uniqueSlug("p"))).path("id"));
    }

    static Map<String, Object> envoy(UUID partyId, String fullName, List<String> aliases, String role, String mandateFrom, String mandateTo) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("fullName", fullName);
        body.put("aliases", aliases);
        body.put("title", "Title of " + fullName);
        body.put("partyId", partyId.toString());
        body.put("role", role);
        body.put("mandateFrom", mandateFrom);
        body.put("mandateTo", mandateTo);
        return body;
    }

    static ExtractableResponse<Response> createEnvoy(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/envoys").then().statusCode(201).extract();
    }

    static UUID newEnvoy(UUID partyId, String fullName) {
        return UUID.fromString(createEnvoy(envoy(partyId, fullName, List.of(), "official", "2025-01-01", null)).path("id"));
    }
}
