package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.negotiationBody;
import static org.parley.negotiation.Fixtures.post;
import static org.parley.negotiation.Fixtures.put;

@QuarkusTest
class NegotiationApiTest {

    @Test
    void createReadUpdateAndList() {
        UUID ru = knownParty("ru"), ua = knownParty("ua"), us = knownParty("us");
        Map<String, Object> body = negotiationBody(Map.of(ru, "principal", ua, "principal", us, "mediator"));
        var created = post("/api/v1/negotiations", body).statusCode(201)
                .header("Location", containsString("/api/v1/negotiations/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("active"))
                .body("parties", hasSize(3))
                .extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        given().when().get("/api/v1/negotiations/" + id).then().statusCode(200).header("ETag", etag).body("title", equalTo(body.get("title")));

        Map<String, Object> stalled = new LinkedHashMap<>(body);
        stalled.put("status", "stalled");
        stalled.put("parties", List.of(Map.of("partyId", ru.toString(), "role", "principal"), Map.of("partyId", ua.toString(), "role", "principal")));
        String next = put("/api/v1/negotiations/" + id, etag, stalled).statusCode(200)
                .body("status", equalTo("stalled")).body("parties", hasSize(2)).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, next);

        // The old ETag is stale now; a missing one is refused too. Neither changes anything.
        Map<String, Object> collapsed = new LinkedHashMap<>(stalled);
        collapsed.put("status", "collapsed");
        put("/api/v1/negotiations/" + id, etag, collapsed).statusCode(412).contentType("application/problem+json");
        put("/api/v1/negotiations/" + id, null, collapsed).statusCode(428).contentType("application/problem+json");
        given().when().get("/api/v1/negotiations/" + id).then().body("status", equalTo("stalled"));

        given().queryParam("party", us.toString()).when().get("/api/v1/negotiations").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().queryParam("party", ru.toString()).queryParam("status", "stalled").when().get("/api/v1/negotiations").then().statusCode(200)
                .body("items.id", equalTo(List.of(id))).body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void unknownPartiesAreNamed() {
        UUID ru = knownParty("ru");
        UUID ghost = UUID.randomUUID(), phantom = UUID.randomUUID();
        post("/api/v1/negotiations", negotiationBody(Map.of(ru, "principal", ghost, "principal", phantom, "observer")))
                .statusCode(422).contentType("application/problem+json")
                .body("type", containsString("unknown-reference"))
                .body("detail", containsString(ghost.toString()))
                .body("detail", containsString(phantom.toString()))
                .body("detail", not(containsString(ru.toString())));
    }

    @Test
    void badInputIsA400() {
        UUID ru = knownParty("ru");
        Map<String, Object> body = negotiationBody(Map.of(ru, "principal"));
        body.put("status", "paused");
        post("/api/v1/negotiations", body).statusCode(400).body("detail", containsString("collapsed"));
        body.put("status", "active");
        body.put("title", "");
        post("/api/v1/negotiations", body).statusCode(400).body("violations.field", hasItem("title"));
        body.put("title", "Talks");
        body.put("endedOn", "2020-01-01");
        post("/api/v1/negotiations", body).statusCode(400).body("detail", containsString("before startedOn"));
        given().contentType(ContentType.JSON).body("{\"title\": ").when().post("/api/v1/negotiations").then().statusCode(400);

        // Valid JSON that PostgreSQL could not store: a 400 on the field, never a 500.
        body.remove("endedOn");
        body.put("title", "Talks\u0000");
        post("/api/v1/negotiations", body).statusCode(400).body("violations.field", hasItem("title"));
        // A title is one line: a line break is refused with the field named.
        body.put("title", "Talks\nin Geneva");
        post("/api/v1/negotiations", body).statusCode(400).body("violations.field", hasItem("title"))
                .body("detail", org.hamcrest.Matchers.containsString("single line"));
        body.put("title", "Talks");
        body.put("startedOn", "+20000-01-01");
        post("/api/v1/negotiations", body).statusCode(400).body("violations.field", hasItem("startedOn"));
        given().queryParam("updated_since", "+300000-01-01T00:00:00Z").when().get("/api/v1/negotiations").then().statusCode(400);
    }

    @Test
    void listsAreBounded() {
        given().queryParam("size", 201).when().get("/api/v1/negotiations").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("size"));
        given().queryParam("size", 0).when().get("/api/v1/negotiations").then().statusCode(400);
        given().queryParam("page", -1).when().get("/api/v1/negotiations").then().statusCode(400);
        given().queryParam("sort", "colour").when().get("/api/v1/negotiations").then().statusCode(400).body("detail", containsString("updatedAt"));
        given().queryParam("updated_since", "yesterday").when().get("/api/v1/negotiations").then().statusCode(400).body("detail", containsString("updated_since"));
        given().queryParam("party", "not-a-uuid").when().get("/api/v1/negotiations").then().statusCode(400);
        given().when().get("/api/v1/negotiations").then().statusCode(200).body("size", equalTo(50));
        given().queryParam("size", 200).when().get("/api/v1/negotiations").then().statusCode(200).body("size", equalTo(200));
    }
}
