package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.negotiation.Fixtures.clause;
import static org.parley.negotiation.Fixtures.knownEnvoy;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.negotiation;
import static org.parley.negotiation.Fixtures.post;
import static org.parley.negotiation.Fixtures.proposal;
import static org.parley.negotiation.StatementTestSupport.source;

@QuarkusTest
class TimelineApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManagerFactory entityManagerFactory;

    private UUID ru, us, putin, talks;
    private String meeting, proposal, position, incident, statement, undatedStatement, undatedIncident;

    /** One of each kind, recorded out of time order, two of them without a date. */
    @BeforeEach
    void story() {
        ru = knownParty("ru");
        us = knownParty("us");
        putin = knownEnvoy(ru, "Vladimir Putin");
        talks = negotiation(Map.of(ru, "principal", us, "mediator"));

        undatedIncident = post("/api/v1/incidents", incident(null, "Thursday", "Kryvyi Rih")).statusCode(201).extract().path("id");
        statement = post("/api/v1/statements", statement("2024-03-15", "Certain elements are unacceptable")).statusCode(201).extract().path("id");
        UUID plan = proposal(talks, us);
        proposal = plan.toString();
        UUID firstClause = clause(plan, "1", "ceasefire");
        Map<String, Object> stance = new LinkedHashMap<>(Fixtures.stance("rejected", "Unacceptable"));
        stance.put("recordedAt", "2024-03-13T08:00:00Z");
        given().contentType(ContentType.JSON).body(stance).when().put("/api/v1/clauses/" + firstClause + "/positions/" + ru).then().statusCode(201);
        position = given().when().get("/api/v1/clauses/" + firstClause + "/positions/" + ru + "/history")
                .then().statusCode(200).extract().path("items[0].sequence").toString();
        undatedStatement = post("/api/v1/statements", statement(null, "This was a necessary conversation, a very concrete one")).statusCode(201).extract().path("id");
        incident = post("/api/v1/incidents", incident("2024-03-14", null, "Odesa")).statusCode(201).extract().path("id");
        meeting = StatementTestSupport.meeting(talks, "2024-03-12T10:00:00Z", List.of(putin), List.of(ru, us)).toString();
    }

    @Test
    void entriesComeInTimeOrderWithUndatedOnesLast() {
        given().when().get("/api/v1/negotiations/" + talks + "/timeline").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(7))
                .body("items.kind", equalTo(List.of("meeting", "position_change", "incident", "statement", "proposal", "statement", "incident")))
                .body("items.id", equalTo(List.of(meeting, position, incident, statement, proposal, undatedStatement, undatedIncident)))
                .body("items[0].at", equalTo("2024-03-12T10:00:00Z"))
                .body("items[0].precision", equalTo("instant"))
                .body("items[0].summary", equalTo("Meeting held: Witkoff and Kushner meet Putin at the Kremlin (The Kremlin, Moscow), 5 hours"))
                .body("items[0].link", equalTo("/api/v1/meetings/" + meeting))
                .body("items[1].summary", containsString(": rejected on clause 1 of “Peace plan v1”"))
                .body("items[1].link", containsString("/api/v1/clauses/"))
                .body("items[2].at", equalTo("2024-03-14"))
                .body("items[2].precision", equalTo("exact_day"))
                .body("items[2].summary", containsString("Missile strike in Odesa: 6 injured (1 child); attributed to RU"))
                .body("items[3].summary", equalTo("Vladimir Putin: “Certain elements are unacceptable”"))
                .body("items[3].link", equalTo("/api/v1/statements/" + statement))
                .body("items[4].precision", equalTo("recorded"))
                .body("items[5].at", nullValue())
                .body("items[5].precision", equalTo("unknown"))
                .body("items[5].summary", containsString("(date not reported)"))
                .body("items[6].precision", equalTo("unknown"))
                .body("items[6].summary", containsString("(date not reported; “Thursday”)"));

        // Newest first, the undated still last.
        given().queryParam("order", "desc").when().get("/api/v1/negotiations/" + talks + "/timeline").then().statusCode(200)
                .body("items.id", equalTo(List.of(proposal, statement, incident, position, meeting, undatedIncident, undatedStatement)));

        given().queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/negotiations/" + talks + "/timeline").then()
                .body("items.id", equalTo(List.of(incident, statement))).body("nextPageToken", org.hamcrest.Matchers.notNullValue());
        given().queryParam("kind", "statement,incident").when().get("/api/v1/negotiations/" + talks + "/timeline").then()
                .body("items.id", equalTo(List.of(incident, statement, undatedStatement, undatedIncident))).body("items", org.hamcrest.Matchers.hasSize(4));
        given().queryParam("kind", "meeting").queryParam("kind", "proposal").when().get("/api/v1/negotiations/" + talks + "/timeline").then()
                .body("items.id", equalTo(List.of(meeting, proposal)));
    }

    @Test
    void theTimelineIsOneQueryAndACountWhateverItsLength() {
        for (int i = 0; i < 5; i++) {
            post("/api/v1/statements", statement("2024-03-0" + (i + 1), "Statement " + i)).statusCode(201);
        }
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().when().get("/api/v1/negotiations/" + talks + "/timeline").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(12));
        // The negotiation's existence and the page (a count only with include_total): no query per entry.
        long queries = statistics.getPrepareStatementCount();
        assertTrue(queries >= 2 && queries <= 3, "statements prepared: " + queries);
    }

    @Test
    void badParametersAndUnknownNegotiations() {
        given().queryParam("order", "sideways").when().get("/api/v1/negotiations/" + talks + "/timeline").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("asc, desc"));
        given().queryParam("kind", "rumour").when().get("/api/v1/negotiations/" + talks + "/timeline").then().statusCode(400)
                .body("detail", containsString("position_change"));
        given().queryParam("kind", "meeting,rumour").when().get("/api/v1/negotiations/" + talks + "/timeline").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("kind"));
        given().queryParam("order", "DESC").when().get("/api/v1/negotiations/" + talks + "/timeline").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("order"));
        given().queryParam("size", 0).when().get("/api/v1/negotiations/" + talks + "/timeline").then().statusCode(400);
        given().when().get("/api/v1/negotiations/" + UUID.randomUUID() + "/timeline").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theOpenApiDocumentDescribesStatementsIncidentsAndTheTimeline() {
        var document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = document.getMap("paths");
        List<String> operationIds = new java.util.ArrayList<>();
        paths.values().forEach(path -> ((Map<?, ?>) path).values().forEach(operation -> {
            if (operation instanceof Map<?, ?> op && op.get("operationId") != null) {
                operationIds.add(op.get("operationId").toString());
            }
        }));
        assertTrue(operationIds.containsAll(List.of("createStatement", "getStatement", "listStatements",
                "createIncident", "getIncident", "listIncidents", "getNegotiationTimeline")), operationIds.toString());
        assertTrue(operationIds.size() == new java.util.HashSet<>(operationIds).size(), "operationIds repeat: " + operationIds);
        Map<String, Object> schemas = document.getMap("components.schemas");
        assertTrue(schemas.keySet().containsAll(List.of("StatementInput", "Statement", "IncidentInput", "Incident", "IncidentPlace",
                "IncidentCasualties", "IncidentDamage", "IncidentWeaponCount", "TimelineEntry", "Source")), schemas.keySet().toString());
        assertTrue(document.getString("paths.'/api/v1/incidents'.post.responses.'422'.content.'application/problem+json'.schema.$ref").endsWith("/Problem"));
        assertTrue(document.getString("paths.'/api/v1/statements'.post.requestBody.content.'application/json'.examples.putin-kremlin.value")
                .contains("necessary conversation"));
    }

    private Map<String, Object> statement(String saidOn, String quote) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", talks.toString());
        body.put("envoyId", putin.toString());
        body.put("quote", quote);
        body.put("saidOn", saidOn);
        body.put("sources", List.of(source("Vladimir Putin")));
        return body;
    }

    private Map<String, Object> incident(String occurredOn, String asReported, String city) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", talks.toString());
        body.put("occurredOn", occurredOn);
        if (asReported != null) {
            body.put("datePrecision", "weekday_as_reported");
            body.put("dateAsReported", asReported);
        }
        body.put("place", Map.of("city", city));
        body.put("kind", "missile_strike");
        body.put("attributedToPartyId", ru.toString());
        body.put("casualties", Map.of("injured", 6, "childrenInjured", 1));
        body.put("sources", List.of(source("local officials")));
        return body;
    }
}
