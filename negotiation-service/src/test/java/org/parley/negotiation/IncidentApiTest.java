package org.parley.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.negotiation.Fixtures.count;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.negotiation;
import static org.parley.negotiation.Fixtures.post;
import static org.parley.negotiation.StatementTestSupport.source;

@QuarkusTest
class IncidentApiTest {

    private static final String PROBLEM = "application/problem+json";

    private UUID ru, ua, talks;

    @BeforeEach
    void talks() {
        ru = knownParty("ru");
        ua = knownParty("ua");
        talks = negotiation(Map.of(ru, "principal", ua, "principal"));
    }

    /** "a missile strike in Kryvyi Rih injuring six individuals, including a three-year-old girl. The assault damaged
     * over 40 residential buildings, a school, and gas pipelines, according to local officials." */
    private Map<String, Object> kryvyiRih() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", talks.toString());
        body.put("datePrecision", "weekday_as_reported");
        body.put("dateAsReported", "Thursday");
        body.put("place", Map.of("city", "Kryvyi Rih"));
        body.put("kind", "missile_strike");
        body.put("attributedToPartyId", ru.toString());
        body.put("attributedBy", "local officials");
        body.put("casualties", Map.of("injured", 6, "childrenInjured", 1, "notes", List.of("a three-year-old girl")));
        body.put("damage", List.of(
                Map.of("what", "residential buildings", "count", 40, "qualifier", "over"),
                Map.of("what", "school", "count", 1),
                Map.of("what", "gas pipelines")));
        body.put("sources", List.of(source("local officials")));
        return body;
    }

    /** "overnight, Russia launched two ballistic missiles and 138 drones against various locations in Ukraine" */
    private Map<String, Object> overnightSalvo() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", talks.toString());
        body.put("datePrecision", "night");
        body.put("dateAsReported", "overnight");
        body.put("place", Map.of("country", "Ukraine", "asReported", "various locations in Ukraine"));
        body.put("kind", "combined_strike");
        body.put("attributedToPartyId", ru.toString());
        body.put("weaponsLaunched", List.of(Map.of("weapon", "ballistic missiles", "count", 2), Map.of("weapon", "drones", "count", 138)));
        body.put("sources", List.of(source(null)));
        return body;
    }

    /** "a Ukrainian drone strike on Thursday killed two men in the Russia-occupied region of Kherson, according to
     * Moscow-installed regional leader Vladimir Saldo. A 68-year-old woman was also reported wounded" */
    private Map<String, Object> saldoReport(String occurredOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", talks.toString());
        body.put("occurredOn", occurredOn);
        body.put("datePrecision", "weekday_as_reported");
        body.put("dateAsReported", "Thursday");
        body.put("place", Map.of("region", "Kherson", "asReported", "the Russia-occupied region of Kherson"));
        body.put("kind", "drone_strike");
        body.put("attributedToPartyId", ua.toString());
        body.put("attributedBy", "Moscow-installed regional leader Vladimir Saldo");
        body.put("casualties", Map.of("killed", 2, "injured", 1, "notes", List.of("two men", "a 68-year-old woman wounded")));
        body.put("sources", List.of(source("Vladimir Saldo")));
        return body;
    }

    @Test
    void theKryvyiRihStrikeRoundTripsExactly() {
        var created = post("/api/v1/incidents", kryvyiRih()).statusCode(201)
                .header("Location", containsString("/api/v1/incidents/")).header("ETag", notNullValue()).extract();
        String id = created.path("id");
        given().when().get("/api/v1/incidents/" + id).then().statusCode(200)
                .header("ETag", created.header("ETag"))
                .body("negotiationId", equalTo(talks.toString()))
                .body("occurredOn", nullValue())
                .body("datePrecision", equalTo("weekday_as_reported"))
                .body("dateAsReported", equalTo("Thursday"))
                .body("place.city", equalTo("Kryvyi Rih"))
                .body("place.region", nullValue())
                .body("place.latitude", nullValue())
                .body("kind", equalTo("missile_strike"))
                .body("attributedToPartyId", equalTo(ru.toString()))
                .body("attributedBy", equalTo("local officials"))
                .body("casualties.injured", equalTo(6))
                .body("casualties.childrenInjured", equalTo(1))
                .body("casualties.killed", nullValue())
                .body("casualties.childrenKilled", nullValue())
                .body("casualties.civilian", nullValue())
                .body("casualties.notes", equalTo(List.of("a three-year-old girl")))
                .body("damage", equalTo(List.of(
                        mapOf("what", "residential buildings", "count", 40, "qualifier", "over"),
                        mapOf("what", "school", "count", 1, "qualifier", null),
                        mapOf("what", "gas pipelines", "count", null, "qualifier", null))))
                .body("weaponsLaunched", equalTo(List.of()))
                .body("consequences", equalTo(List.of()))
                .body("sources[0].publication", equalTo("Associated Press"))
                .body("sources[0].attribution", equalTo("local officials"));
    }

    @Test
    void listsFilterByDateRegionPartyKindAndNegotiation() {
        String salvo = post("/api/v1/incidents", overnightSalvo()).statusCode(201)
                .body("weaponsLaunched[1].count", equalTo(138)).body("place.asReported", equalTo("various locations in Ukraine"))
                .extract().path("id");
        String saldo = post("/api/v1/incidents", saldoReport("2024-03-14")).statusCode(201).extract().path("id");
        String strike = post("/api/v1/incidents", kryvyiRih()).statusCode(201).extract().path("id");

        given().queryParam("negotiation", talks.toString()).when().get("/api/v1/incidents").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(3)).body("items[0].id", equalTo(saldo)); // the only dated one comes first
        given().queryParam("negotiation", talks.toString()).queryParam("kind", "drone_strike").when().get("/api/v1/incidents").then()
                .body("items.id", equalTo(List.of(saldo)));
        given().queryParam("negotiation", talks.toString()).queryParam("region", "KHERSON").when().get("/api/v1/incidents").then()
                .body("items.id", equalTo(List.of(saldo)));
        given().queryParam("party", ua.toString()).when().get("/api/v1/incidents").then().body("items.id", equalTo(List.of(saldo)));
        given().queryParam("negotiation", talks.toString()).queryParam("city", "kryvyi rih").when().get("/api/v1/incidents").then()
                .body("items.id", equalTo(List.of(strike)));
        given().queryParam("party", ru.toString()).queryParam("sort", "createdAt").when().get("/api/v1/incidents").then()
                .body("items.id", equalTo(List.of(salvo, strike)));
        given().queryParam("negotiation", talks.toString()).queryParam("from", "2024-03-14").queryParam("to", "2024-03-14")
                .when().get("/api/v1/incidents").then().body("items.id", equalTo(List.of(saldo)));
        given().queryParam("negotiation", talks.toString()).queryParam("updated_since", "2999-01-01T00:00:00Z")
                .when().get("/api/v1/incidents").then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void anIncidentWithoutASourceIsRefusedAndNothingIsStored() {
        Map<String, Object> body = kryvyiRih();
        body.remove("sources");
        post("/api/v1/incidents", body).statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("/source-required")).body("detail", containsString("at least one source"));
        body.put("sources", List.of());
        post("/api/v1/incidents", body).statusCode(422).body("type", endsWith("/source-required"));
        assertEquals(0, count("select count(*) from incident where negotiation_id = ?", talks));
    }

    @Test
    void unknownReferencesAreRefusedWith422() {
        UUID stranger = UUID.randomUUID();
        Map<String, Object> body = kryvyiRih();
        body.put("attributedToPartyId", stranger.toString());
        post("/api/v1/incidents", body).statusCode(422).contentType(PROBLEM).body("detail", containsString(stranger.toString()));
        body = kryvyiRih();
        body.put("negotiationId", stranger.toString());
        post("/api/v1/incidents", body).statusCode(422).body("detail", containsString(stranger.toString()));
        assertEquals(0, count("select count(*) from incident where negotiation_id = ?", talks));
    }

    @Test
    void badInputGetsA400Problem() {
        Map<String, Object> body = kryvyiRih();
        body.put("kind", "earthquake");
        post("/api/v1/incidents", body).statusCode(400).contentType(PROBLEM).body("detail", containsString("missile_strike"));

        body = kryvyiRih();
        body.put("casualties", Map.of("injured", -1));
        post("/api/v1/incidents", body).statusCode(400).body("violations.field", hasItem("casualties.injured"));

        body = kryvyiRih();
        body.put("casualties", Map.of("injured", 1, "childrenInjured", 2));
        post("/api/v1/incidents", body).statusCode(400).body("violations.field", hasItem("casualties"));

        body = kryvyiRih();
        body.put("place", Map.of());
        post("/api/v1/incidents", body).statusCode(400).body("violations.field", hasItem("place"));

        body = kryvyiRih();
        body.put("place", Map.of("city", "Odesa", "latitude", 46.48));
        post("/api/v1/incidents", body).statusCode(400).body("violations.field", hasItem("place"));

        body = kryvyiRih();
        body.put("place", Map.of("city", "Odesa", "latitude", 146.48, "longitude", 30.72));
        post("/api/v1/incidents", body).statusCode(400).body("violations.field", hasItem("place.latitude"));

        body = kryvyiRih();
        body.put("damage", List.of(Map.of("what", "gas pipelines", "qualifier", "over")));
        post("/api/v1/incidents", body).statusCode(400).body("violations.field", hasItem("damage"));

        body = kryvyiRih();
        body.put("damage", List.of(Map.of("what", "school", "count", 1, "qualifier", "lots")));
        post("/api/v1/incidents", body).statusCode(400).body("detail", containsString("allowed: over, at_least, about, up_to, under"));

        body = kryvyiRih();
        body.put("datePrecision", "exact_day");
        post("/api/v1/incidents", body).statusCode(400).body("violations.field", hasItem("datePrecision"));

        body = kryvyiRih();
        body.put("datePrecision", "night");
        body.remove("dateAsReported");
        post("/api/v1/incidents", body).statusCode(400).body("violations.field", hasItem("datePrecision"));

        body = kryvyiRih();
        body.put("consequences", List.of("power cut\u0000"));
        post("/api/v1/incidents", body).statusCode(400).contentType(PROBLEM);

        body = kryvyiRih();
        body.put("casualties", Map.of("injured", "six"));
        post("/api/v1/incidents", body).statusCode(400).contentType(PROBLEM);

        body = kryvyiRih();
        body.put("place", Map.of("city", "Kryvyi Rih\nand Odesa"));
        post("/api/v1/incidents", body).statusCode(400).body("violations.field", hasItem("place.city"));

        // Each bad filter is a 400 whose violation names the parameter.
        given().queryParam("kind", "earthquake").when().get("/api/v1/incidents").then().statusCode(400)
                .body("violations.field", hasItem("kind")).body("detail", containsString("must be one of: missile_strike"));
        given().queryParam("party", "russia").when().get("/api/v1/incidents").then().statusCode(400).body("violations.field", hasItem("party"));
        given().queryParam("region", "Kherson\u0000").when().get("/api/v1/incidents").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("region"));
        given().queryParam("from", "0000-12-31").when().get("/api/v1/incidents").then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("from"));
        given().queryParam("from", "2024-03-15").queryParam("to", "2024-03-14").when().get("/api/v1/incidents").then().statusCode(400)
                .body("detail", containsString("'from' (2024-03-15) is after 'to' (2024-03-14)"));
        given().queryParam("sort", "-kind").when().get("/api/v1/incidents").then().statusCode(400).body("violations.field", hasItem("sort"));
        given().when().get("/api/v1/incidents/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        assertEquals(0, count("select count(*) from incident where negotiation_id = ?", talks));
    }

    @Test
    void recordingAnIncidentPublishesIncidentRecorded() {
        String id = post("/api/v1/incidents", saldoReport("2024-03-14")).statusCode(201).extract().path("id");
        var event = StatementTestSupport.event("org.parley.incident.recorded.v1", id);
        assertEquals(talks.toString(), event.key());
        JsonNode data = event.data();
        assertEquals("drone_strike", data.get("kind").asText());
        assertEquals("2024-03-14", data.get("occurredOn").asText());
        assertEquals(2, data.get("casualties").get("killed").asInt());
        assertTrue(data.get("casualties").get("childrenKilled").isNull());
        assertEquals("Moscow-installed regional leader Vladimir Saldo", data.get("attributedBy").asText());
        assertEquals("Kherson", data.get("place").get("region").asText());

        // Framing no negotiation, it is ordered on its own key.
        Map<String, Object> alone = overnightSalvo();
        alone.remove("negotiationId");
        String loose = post("/api/v1/incidents", alone).statusCode(201).body("negotiationId", nullValue()).extract().path("id");
        var looseEvent = StatementTestSupport.event("org.parley.incident.recorded.v1", loose);
        assertEquals(loose, looseEvent.key());
        assertEquals(138, looseEvent.data().get("weaponsLaunched").get(1).get("count").asInt());
    }

    private static Map<String, Object> mapOf(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
