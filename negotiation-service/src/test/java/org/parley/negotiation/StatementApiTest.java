package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.negotiation.Fixtures.count;
import static org.parley.negotiation.Fixtures.knownEnvoy;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.negotiation;
import static org.parley.negotiation.Fixtures.post;
import static org.parley.negotiation.StatementTestSupport.source;

@QuarkusTest
class StatementApiTest {

    private static final String PROBLEM = "application/problem+json";

    private UUID ru, us, putin, trump, talks;

    @BeforeEach
    void talks() {
        ru = knownParty("ru");
        us = knownParty("us");
        putin = knownEnvoy(ru, "Vladimir Putin");
        trump = knownEnvoy(us, "Donald Trump");
        talks = negotiation(Map.of(ru, "principal", us, "mediator"));
    }

    private Map<String, Object> putinOnTheMeeting(UUID meeting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", talks.toString());
        body.put("envoyId", putin.toString());
        body.put("meetingId", meeting == null ? null : meeting.toString());
        body.put("quote", "This was a necessary conversation, a very concrete one");
        body.put("context", "Putin, on the five-hour Kremlin meeting with Witkoff and Kushner");
        body.put("sources", List.of(source("Vladimir Putin, in remarks published on March 15, 2024")));
        return body;
    }

    private Map<String, Object> trumpOnTheTalks() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", talks.toString());
        body.put("envoyId", trump.toString());
        body.put("quote", "Their impression was very strongly that he'd like to make a deal.");
        body.put("saidOn", "2024-03-14");
        body.put("saidOnPrecision", "approximate");
        body.put("saidOnAsReported", "following the recent talks");
        body.put("sources", List.of(source("Donald Trump")));
        return body;
    }

    @Test
    void recordReadAndListStatements() {
        UUID kremlin = StatementTestSupport.meeting(talks, "2024-03-12T10:00:00Z", List.of(putin), List.of(ru, us));
        var created = post("/api/v1/statements", putinOnTheMeeting(kremlin)).statusCode(201)
                .header("Location", containsString("/api/v1/statements/"))
                .header("ETag", notNullValue())
                .body("envoyName", equalTo("Vladimir Putin"))
                .body("partyId", equalTo(ru.toString()))
                .body("meetingId", equalTo(kremlin.toString()))
                .body("quote", equalTo("This was a necessary conversation, a very concrete one"))
                .body("saidOn", nullValue())
                .body("saidOnPrecision", equalTo("unknown"))
                .body("sources[0].attribution", equalTo("Vladimir Putin, in remarks published on March 15, 2024"))
                .extract();
        String id = created.path("id");
        String location = created.header("Location");
        assertEquals(true, location.endsWith("/api/v1/statements/" + id));

        given().when().get("/api/v1/statements/" + id).then().statusCode(200)
                .header("ETag", created.header("ETag"))
                .body("quote", equalTo("This was a necessary conversation, a very concrete one"))
                .body("context", equalTo("Putin, on the five-hour Kremlin meeting with Witkoff and Kushner"))
                .body("sources[0].publishedOn", equalTo("2024-03-15"))
                .body("createdAt", notNullValue());

        String trumpId = post("/api/v1/statements", trumpOnTheTalks()).statusCode(201)
                .body("saidOn", equalTo("2024-03-14")).body("saidOnPrecision", equalTo("approximate"))
                .body("saidOnAsReported", equalTo("following the recent talks")).extract().path("id");

        // Dated first, undated last, in either direction.
        given().queryParam("negotiation", talks.toString()).when().get("/api/v1/statements").then().statusCode(200)
                .body("items.id", equalTo(List.of(trumpId, id))).body("items", org.hamcrest.Matchers.hasSize(2));
        given().queryParam("negotiation", talks.toString()).queryParam("sort", "-saidOn").when().get("/api/v1/statements").then()
                .body("items.id", equalTo(List.of(trumpId, id)));
        given().queryParam("envoy", putin.toString()).when().get("/api/v1/statements").then().body("items.id", equalTo(List.of(id)));
        given().queryParam("party", us.toString()).when().get("/api/v1/statements").then().body("items.id", equalTo(List.of(trumpId)));
        given().queryParam("meeting", kremlin.toString()).when().get("/api/v1/statements").then().body("items.id", equalTo(List.of(id)));
        given().queryParam("negotiation", talks.toString()).queryParam("from", "2024-03-14").queryParam("to", "2024-03-14")
                .when().get("/api/v1/statements").then().body("items.id", equalTo(List.of(trumpId)));
        given().queryParam("negotiation", talks.toString()).queryParam("to", "2024-03-13")
                .when().get("/api/v1/statements").then().body("items", org.hamcrest.Matchers.empty());
        given().queryParam("negotiation", talks.toString()).queryParam("updated_since", "2999-01-01T00:00:00Z")
                .when().get("/api/v1/statements").then().body("items", org.hamcrest.Matchers.empty());
        given().queryParam("negotiation", talks.toString()).queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/v1/statements").then()
                .body("items.id", equalTo(List.of(id))).body("nextPageToken", org.hamcrest.Matchers.nullValue()).body("size", equalTo(1));
    }

    @Test
    void aStatementWithoutASourceIsRefusedAndNothingIsStored() {
        Map<String, Object> body = putinOnTheMeeting(null);
        body.remove("sources");
        post("/api/v1/statements", body).statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("/source-required"))
                .body("detail", containsString("at least one source"));
        body.put("sources", List.of());
        post("/api/v1/statements", body).statusCode(422).body("type", endsWith("/source-required"));
        assertEquals(0, count("select count(*) from statement where negotiation_id = ?", talks));
    }

    @Test
    void unknownReferencesAreRefusedWith422() {
        UUID stranger = UUID.randomUUID();
        Map<String, Object> body = putinOnTheMeeting(null);
        body.put("envoyId", stranger.toString());
        post("/api/v1/statements", body).statusCode(422).contentType(PROBLEM).body("detail", containsString(stranger.toString()));

        body = putinOnTheMeeting(stranger);
        post("/api/v1/statements", body).statusCode(422).body("detail", containsString("unknown meeting id: " + stranger));

        body = putinOnTheMeeting(null);
        body.put("proposalId", stranger.toString());
        post("/api/v1/statements", body).statusCode(422).body("detail", containsString("unknown proposal id: " + stranger));

        body = putinOnTheMeeting(null);
        body.put("negotiationId", stranger.toString());
        post("/api/v1/statements", body).statusCode(422).body("detail", containsString("unknown negotiation id: " + stranger));

        // A meeting of other talks is a real meeting, but not one this statement can concern.
        UUID otherTalks = negotiation(Map.of(ru, "principal"));
        UUID elsewhere = StatementTestSupport.meeting(otherTalks, "2024-03-01T09:00:00Z", List.of(putin), List.of(ru));
        post("/api/v1/statements", putinOnTheMeeting(elsewhere)).statusCode(422).body("detail", containsString("belongs to negotiation " + otherTalks));

        assertEquals(0, count("select count(*) from statement where negotiation_id = ?", talks));
    }

    @Test
    void badInputGetsA400Problem() {
        Map<String, Object> body = putinOnTheMeeting(null);
        body.put("saidOnPrecision", "yesterday-ish");
        post("/api/v1/statements", body).statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("allowed: instant, exact_day, night, weekday_as_reported, approximate, unknown, recorded"));

        // The one DatePrecision vocabulary: a statement's day takes its day-sized part only.
        body = putinOnTheMeeting(null);
        body.put("saidOn", "2024-03-14");
        body.put("saidOnPrecision", "instant");
        post("/api/v1/statements", body).statusCode(400).body("violations.field", hasItem("saidOnPrecision"))
                .body("violations.message", hasItem(containsString("not a precision of a day")));

        body = putinOnTheMeeting(null);
        body.put("saidOnPrecision", "exact_day");
        post("/api/v1/statements", body).statusCode(400).body("violations.field", hasItem("saidOnPrecision"));

        body = putinOnTheMeeting(null);
        body.put("saidOn", "2024-02-30");
        post("/api/v1/statements", body).statusCode(400).contentType(PROBLEM);

        body = putinOnTheMeeting(null);
        body.put("sources", List.of(Map.of("publication", "AP", "url", "ftp://apnews.com/x")));
        post("/api/v1/statements", body).statusCode(400).body("violations.field", hasItem("sources[0].url"));

        body = putinOnTheMeeting(null);
        body.put("sources", List.of(Map.of("publication", " ")));
        post("/api/v1/statements", body).statusCode(400).body("violations.field", hasItem("sources[0].publication"));

        body = putinOnTheMeeting(null);
        body.put("quote", "unacceptable\u0000");
        post("/api/v1/statements", body).statusCode(400).contentType(PROBLEM);

        body = putinOnTheMeeting(null);
        body.put("quote", "");
        body.put("mood", "grim");
        post("/api/v1/statements", body).statusCode(400).contentType(PROBLEM);

        given().contentType(ContentType.JSON).body("{\"quote\": ").when().post("/api/v1/statements").then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).when().post("/api/v1/statements").then().statusCode(400).contentType(PROBLEM);

        given().queryParam("envoy", "putin").when().get("/api/v1/statements").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("envoy"));
        given().queryParam("from", "2024-13-01").when().get("/api/v1/statements").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("from"));
        given().queryParam("updated_since", "last week").when().get("/api/v1/statements").then().statusCode(400)
                .body("violations.field", hasItem("updated_since"));
        given().queryParam("from", "2024-03-15").queryParam("to", "2024-03-01").when().get("/api/v1/statements").then().statusCode(400);
        given().queryParam("sort", "quote").when().get("/api/v1/statements").then().statusCode(400).body("detail", containsString("saidOn"));
        given().queryParam("size", 500).when().get("/api/v1/statements").then().statusCode(400);
        given().queryParam("page", "first").when().get("/api/v1/statements").then().statusCode(400);

        given().when().get("/api/v1/statements/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/statements/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        assertEquals(0, count("select count(*) from statement where negotiation_id = ?", talks));
    }

    @Test
    void recordingAStatementPublishesStatementRecordedKeyedByTheNegotiation() {
        String id = post("/api/v1/statements", trumpOnTheTalks()).statusCode(201).extract().path("id");
        var event = StatementTestSupport.event("org.parley.statement.recorded.v1", id);
        assertEquals(talks.toString(), event.key());
        assertEquals("Their impression was very strongly that he'd like to make a deal.", event.data().get("quote").asText());
        assertEquals(us.toString(), event.data().get("partyId").asText());
        assertEquals("approximate", event.data().get("saidOnPrecision").asText());
        assertEquals("Donald Trump", event.data().get("sources").get(0).get("attribution").asText());
    }
}
