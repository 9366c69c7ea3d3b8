package org.parley.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.negotiation.Fixtures.SOURCE;
import static org.parley.negotiation.Fixtures.knownEnvoy;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.post;

@QuarkusTest
class MeetingApiTest {

    private Map<String, Object> kremlin(UUID negotiation, UUID party, UUID envoy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", negotiation.toString());
        body.put("title", "Witkoff and Kushner meet Putin");
        body.put("startsAt", "2025-12-02T16:00:00Z");
        body.put("duration", "PT5H");
        body.put("location", Map.of("city", "Moscow", "country", "Russia", "venue", "The Kremlin"));
        body.put("format", "in_person");
        body.put("participantEnvoyIds", List.of(envoy.toString()));
        body.put("partyIds", List.of(party.toString()));
        body.put("sources", List.of(SOURCE));
        return body;
    }

    @Test
    void scheduleHoldAndFind() {
        UUID ru = knownParty("ru"), us = knownParty("us");
        UUID witkoff = knownEnvoy(us, "Steve Witkoff");
        UUID negotiation = Fixtures.negotiation(Map.of(ru, "principal", us, "mediator"));
        var created = post("/api/v1/meetings", kremlin(negotiation, us, witkoff)).statusCode(201)
                .body("duration", equalTo("PT5H"))
                .body("status", equalTo("scheduled"))
                .body("location.venue", equalTo("The Kremlin"))
                .body("sources[0].publication", equalTo("Reuters"))
                .extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        var held = given().contentType("application/json").header("If-Match", etag).body(Map.of("status", "held", "note", "Five hours"))
                .when().post("/api/v1/meetings/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("held")).body("statusNote", equalTo("Five hours")).extract();

        // held is final: the 409 names what would have been allowed (nothing) and the current status.
        given().contentType("application/json").header("If-Match", held.header("ETag")).body(Map.of("status", "postponed"))
                .when().post("/api/v1/meetings/" + id + "/status").then().statusCode(409)
                .body("detail", allOf(containsString("held"), containsString("allowed next: none")));
        // A stale ETag is refused before anything else.
        given().contentType("application/json").header("If-Match", etag).body(Map.of("status", "cancelled"))
                .when().post("/api/v1/meetings/" + id + "/status").then().statusCode(412);

        given().queryParam("negotiation", negotiation.toString()).queryParam("envoy", witkoff.toString())
                .queryParam("from", "2025-12-02").queryParam("to", "2025-12-03")
                .when().get("/api/v1/meetings").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        given().queryParam("party", us.toString()).queryParam("status", "held")
                .when().get("/api/v1/meetings").then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("party", ru.toString())
                .when().get("/api/v1/meetings").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().queryParam("negotiation", negotiation.toString()).queryParam("from", "2025-12-03")
                .when().get("/api/v1/meetings").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aStartCanBeKnownToTheDayOrNotAtAll() {
        UUID fr = knownParty("fr");
        UUID macron = knownEnvoy(fr, "Emmanuel Macron");
        UUID negotiation = Fixtures.negotiation(Map.of(fr, "observer"));

        Map<String, Object> kremlinDay = kremlin(negotiation, fr, macron);
        kremlinDay.put("startsAt", "2024-03-12T00:00:00Z");
        kremlinDay.put("startPrecision", "exact_day");
        post("/api/v1/meetings", kremlinDay).statusCode(201)
                .body("startsAt", equalTo("2024-03-12T00:00:00Z")).body("startPrecision", equalTo("exact_day"));

        Map<String, Object> recently = kremlin(negotiation, fr, macron);
        recently.remove("startsAt");
        recently.put("timingAsReported", "recently");
        recently.put("status", "held");
        String id = post("/api/v1/meetings", recently).statusCode(201)
                .body("startsAt", org.hamcrest.Matchers.nullValue())
                .body("startPrecision", equalTo("unknown"))
                .body("timingAsReported", equalTo("recently"))
                .extract().path("id");
        given().when().get("/api/v1/meetings/" + id).then().statusCode(200).body("timingAsReported", equalTo("recently"));

        Map<String, Object> contradiction = kremlin(negotiation, fr, macron);
        contradiction.put("startPrecision", "unknown");
        post("/api/v1/meetings", contradiction).statusCode(400).body("detail", containsString("startsAt must be left out"));
        Map<String, Object> dayWithoutDate = kremlin(negotiation, fr, macron);
        dayWithoutDate.remove("startsAt");
        dayWithoutDate.put("startPrecision", "exact_day");
        post("/api/v1/meetings", dayWithoutDate).statusCode(400).body("detail", containsString("startsAt is required"));
        // One DatePrecision vocabulary, of which a meeting's start takes the part that fits an instant.
        Map<String, Object> night = kremlin(negotiation, fr, macron);
        night.put("startPrecision", "night");
        post("/api/v1/meetings", night).statusCode(400).body("detail", containsString("instant, exact_day or unknown"));
    }

    @Test
    void scheduledMeetingTransitions() {
        UUID us = knownParty("us");
        UUID envoy = knownEnvoy(us, "Jared Kushner");
        UUID negotiation = Fixtures.negotiation(Map.of(us, "mediator"));
        var created = post("/api/v1/meetings", kremlin(negotiation, us, envoy)).statusCode(201).extract();
        String id = created.path("id");
        String etag = given().contentType("application/json").header("If-Match", created.header("ETag")).body(Map.of("status", "postponed"))
                .when().post("/api/v1/meetings/" + id + "/status").then().statusCode(200).extract().header("ETag");
        etag = given().contentType("application/json").header("If-Match", etag).body(Map.of("status", "scheduled"))
                .when().post("/api/v1/meetings/" + id + "/status").then().statusCode(200).extract().header("ETag");
        etag = given().contentType("application/json").header("If-Match", etag).body(Map.of("status", "cancelled"))
                .when().post("/api/v1/meetings/" + id + "/status").then().statusCode(200).extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag).body(Map.of("status", "scheduled"))
                .when().post("/api/v1/meetings/" + id + "/status").then().statusCode(409).body("detail", containsString("cancelled"));
        given().contentType("application/json").header("If-Match", etag).body(Map.of("status", "adjourned"))
                .when().post("/api/v1/meetings/" + id + "/status").then().statusCode(400).body("detail", containsString("postponed"));
    }

    @Test
    void aMeetingNeedsASourceAndKnownPeople() {
        UUID us = knownParty("us");
        UUID envoy = knownEnvoy(us, "Steve Witkoff");
        UUID negotiation = Fixtures.negotiation(Map.of(us, "mediator"));
        Map<String, Object> body = kremlin(negotiation, us, envoy);
        body.put("sources", List.of());
        post("/api/v1/meetings", body).statusCode(422).contentType("application/problem+json")
                .body("type", containsString("source-required"));
        body.remove("sources");
        post("/api/v1/meetings", body).statusCode(422).body("type", containsString("source-required"));

        UUID ghostEnvoy = UUID.randomUUID(), ghostParty = UUID.randomUUID();
        body = kremlin(negotiation, ghostParty, ghostEnvoy);
        post("/api/v1/meetings", body).statusCode(422).body("type", containsString("unknown-reference"))
                .body("detail", allOf(containsString(ghostEnvoy.toString()), containsString(ghostParty.toString())));

        body = kremlin(negotiation, us, envoy);
        body.put("duration", "five hours");
        post("/api/v1/meetings", body).statusCode(400).body("detail", containsString("duration"));
        body.put("duration", "-PT1H");
        post("/api/v1/meetings", body).statusCode(400);
        body.put("duration", "PT1H");
        body.put("sources", List.of(Map.of("publication", "Reuters", "url", "not a url")));
        post("/api/v1/meetings", body).statusCode(400).body("violations.field", hasItem(containsString("url")));
        body.put("sources", List.of(Map.of("url", "https://example.org")));
        post("/api/v1/meetings", body).statusCode(400).body("violations.field", hasItem(containsString("publication")));
        given().queryParam("negotiation", negotiation.toString()).when().get("/api/v1/meetings").then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aReplacementThatChangesNothingKeepsItsVersion() {
        UUID us = knownParty("us");
        UUID witkoff = knownEnvoy(us, "Steve Witkoff");
        UUID kushner = knownEnvoy(us, "Jared Kushner");
        UUID negotiation = Fixtures.negotiation(Map.of(us, "mediator"));
        Map<String, Object> body = kremlin(negotiation, us, witkoff);
        body.put("participantEnvoyIds", List.of(witkoff.toString(), kushner.toString()));
        var created = post("/api/v1/meetings", body).statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        // The same meeting, its envoys in another order and its title padded: nothing to store, so no new version.
        body.put("participantEnvoyIds", List.of(kushner.toString(), witkoff.toString()));
        body.put("title", "  Witkoff and Kushner meet Putin ");
        Fixtures.put("/api/v1/meetings/" + id, etag, body).statusCode(200).header("ETag", equalTo(etag));
        // A change in any part, here the venue, is a new version.
        body.put("location", Map.of("city", "Moscow", "country", "Russia"));
        String changed = Fixtures.put("/api/v1/meetings/" + id, etag, body).statusCode(200)
                .body("location.venue", nullValue()).body("location.city", equalTo("Moscow")).extract().header("ETag");
        assertNotEquals(etag, changed);
        given().contentType("application/json").header("If-Match", changed).body(Map.of("status", "held"))
                .when().post("/api/v1/meetings/" + id + "/status").then().statusCode(200);

        // Events carry the vocabularies' wire names, and ids in a stable order.
        JsonNode scheduled = StatementTestSupport.event("org.parley.meeting.scheduled.v1", id).data().get("meeting");
        assertEquals("in_person", scheduled.get("format").asText());
        assertEquals("scheduled", scheduled.get("status").asText());
        assertEquals("instant", scheduled.get("startPrecision").asText());
        assertEquals("The Kremlin", scheduled.at("/location/venue").asText());
        assertEquals(List.of(witkoff, kushner).stream().sorted().map(UUID::toString).toList(),
                List.of(scheduled.get("envoyIds").get(0).asText(), scheduled.get("envoyIds").get(1).asText()));
        assertTrue(StatementTestSupport.event("org.parley.meeting.updated.v1", id).data().at("/meeting/location/venue").isNull());
        JsonNode held = StatementTestSupport.event("org.parley.meeting.status-changed.v1", id).data();
        assertEquals("scheduled", held.get("previousStatus").asText());
        assertEquals("held", held.get("status").asText());
    }

    @Test
    void badFiltersAndTitlesAreA400NamingTheParameter() {
        given().queryParam("status", "adjourned").when().get("/api/v1/meetings").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("status")).body("detail", containsString("scheduled, held, cancelled, postponed"));
        given().queryParam("envoy", "witkoff").when().get("/api/v1/meetings").then().statusCode(400).body("violations.field", hasItem("envoy"));
        given().queryParam("updated_since", "yesterday").when().get("/api/v1/meetings").then().statusCode(400)
                .body("violations.field", hasItem("updated_since"));
        given().queryParam("from", "2025-12-03").queryParam("to", "2025-12-02T00:00:00Z").when().get("/api/v1/meetings").then().statusCode(400)
                .body("detail", containsString("'from'"));
        given().queryParam("sort", "title").when().get("/api/v1/meetings").then().statusCode(400).body("violations.field", hasItem("sort"));
        // The export reads the same filter, and refuses it the same way before any byte of the body.
        String listDetail = given().queryParam("status", "adjourned").when().get("/api/v1/meetings").then().extract().path("detail");
        given().queryParam("status", "adjourned").header("Accept", "application/x-ndjson").when().get("/api/v1/export/meetings").then()
                .statusCode(400).contentType("application/problem+json").body("detail", equalTo(listDetail));

        UUID us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(us, "mediator"));
        Map<String, Object> body = kremlin(negotiation, us, knownEnvoy(us, "Steve Witkoff"));
        body.put("title", "Witkoff meets Putin\nin the Kremlin");
        post("/api/v1/meetings", body).statusCode(400).body("violations.field", hasItem("title"));
    }

    @Test
    void theDocumentKeepsTheStandardRefusalsTheResourceNoLongerRepeats() {
        var document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String operation : List.of("put", "post")) {
            String path = operation.equals("put") ? "'/api/v1/meetings/{id}'" : "'/api/v1/meetings/{id}/status'";
            Map<String, Object> responses = document.getMap("paths." + path + "." + operation + ".responses");
            assertTrue(responses.keySet().containsAll(List.of("200", "400", "404", "409", "412", "415", "428")), path + ": " + responses.keySet());
            List<Map<String, Object>> parameters = document.getList("paths." + path + "." + operation + ".parameters");
            assertTrue(parameters.stream().anyMatch(p -> "If-Match".equals(p.get("name")) && Boolean.TRUE.equals(p.get("required"))), parameters.toString());
        }
        assertTrue(document.getMap("paths.'/api/v1/meetings'.get.responses").containsKey("400"));
    }
}
