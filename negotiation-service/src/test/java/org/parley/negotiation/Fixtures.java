package org.parley.negotiation;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.parley.devstack.SharedDevStack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Builds the scenario pieces the tests share, through the service's own API wherever it has one. */
final class Fixtures {

    private Fixtures() {
    }

    static final Map<String, Object> SOURCE = Map.of("publication", "Reuters", "url", "https://www.reuters.com/world/europe/example",
            "publishedOn", "2025-12-03", "attribution", "Yuri Ushakov");

    /** Puts a party straight into the local copy, as the party-copy consumer would. */
    static UUID knownParty(String slug) {
        UUID id = UUID.randomUUID();
        sql("insert into known_party (id, slug, name, kind, source_updated_at) values (?, ?, ?, 'state', ?)",
                id, slug + "-" + id.toString().substring(0, 8), slug.toUpperCase() + " " + id.toString().substring(0, 4), java.sql.Timestamp.from(Instant.now()));
        return id;
    }

    static UUID knownEnvoy(UUID partyId, String name) {
        UUID id = UUID.randomUUID();
        sql("insert into known_envoy (id, party_id, full_name, source_updated_at) values (?, ?, ?, ?)",
                id, partyId, name, java.sql.Timestamp.from(Instant.now()));
        return id;
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(SharedDevStack.connection().jdbcUrl("negotiation"), "postgres", "");
    }

    static void sql(String sql, Object... args) {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... args) {
        return ((Number) value(sql, args)).longValue();
    }

    static String text(String sql, Object... args) {
        return (String) value(sql, args);
    }

    private static Object value(String sql, Object... args) {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> negotiationBody(Map<UUID, String> parties) {
        List<Map<String, Object>> list = new ArrayList<>();
        parties.forEach((id, role) -> list.add(Map.of("partyId", id.toString(), "role", role)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Peace talks " + UUID.randomUUID());
        body.put("status", "active");
        body.put("startedOn", "2025-11-19");
        body.put("parties", list);
        return body;
    }

    static UUID negotiation(Map<UUID, String> parties) {
        return UUID.fromString(post("/api/v1/negotiations", negotiationBody(parties)).statusCode(201).extract().path("id"));
    }

    static Map<String, Object> proposalBody(UUID negotiation, UUID sponsor, int version, String status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", negotiation.toString());
        body.put("title", "Peace plan v" + version);
        body.put("sponsorPartyId", sponsor.toString());
        body.put("version", version);
        if (status != null) {
            body.put("status", status);
        }
        body.put("sources", List.of(SOURCE));
        return body;
    }

    static UUID proposal(UUID negotiation, UUID sponsor) {
        return UUID.fromString(post("/api/v1/proposals", proposalBody(negotiation, sponsor, 1, "tabled")).statusCode(201).extract().path("id"));
    }

    static UUID clause(UUID proposal, String label, String topic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", label);
        body.put("heading", "Clause " + label);
        body.put("text", null);
        body.put("topic", topic);
        return UUID.fromString(post("/api/v1/proposals/" + proposal + "/clauses", body).statusCode(201).extract().path("id"));
    }

    static Map<String, Object> stance(String status, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("note", note);
        body.put("sources", List.of(SOURCE));
        body.put("recordedBy", "desk.test");
        return body;
    }

    static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    static ValidatableResponse put(String path, String ifMatch, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put(path).then();
    }

    static String etag(String path) {
        return given().when().get(path).then().statusCode(200).extract().header("ETag");
    }
}
