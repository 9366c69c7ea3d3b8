package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.equalTo;
import static org.parley.negotiation.Fixtures.knownEnvoy;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.negotiation;
import static org.parley.negotiation.Fixtures.post;
import static org.parley.negotiation.Fixtures.proposal;
import static org.parley.negotiation.StatementTestSupport.source;

@QuarkusTest
class SearchApiTest {

    UUID talks;
    String quote;
    String clause;
    String strike;

    @BeforeEach
    void facts() {
        UUID ru = knownParty("ru");
        UUID ua = knownParty("ua");
        UUID putin = knownEnvoy(ru, "Vladimir Putin");
        talks = negotiation(Map.of(ru, "principal", ua, "principal"));
        quote = post("/api/v1/statements", Map.of("negotiationId", talks.toString(), "envoyId", putin.toString(),
                "quote", "This was a necessary conversation, a very concrete one",
                "sources", List.of(source("Kremlin transcript")))).statusCode(201).extract().path("id");
        clause = post("/api/v1/proposals/" + proposal(talks, ua) + "/clauses", Map.of("label", "12", "heading", "Zaporizhzhia nuclear power plant",
                "text", "The plant is restarted under IAEA supervision and its output shared equally", "topic", "reconstruction"))
                .statusCode(201).extract().path("id");
        strike = post("/api/v1/incidents", Map.of("negotiationId", talks.toString(), "place", Map.of("city", "Kryvyi Rih"), "kind", "missile_strike",
                "description", "A missile strike damaged over 40 residential buildings, a school, and gas pipelines",
                "sources", List.of(source("local officials")))).statusCode(201).extract().path("id");
    }

    @Test
    void findsStatementsClausesAndIncidentsByTheirText() {
        search("necessary conversation").body("items.id", contains(quote)).body("items[0].kind", equalTo("statement"))
                .body("items[0].link", equalTo("/api/v1/statements/" + quote));
        search("IAEA supervision").body("items.id", contains(clause)).body("items[0].kind", equalTo("clause"))
                .body("items[0].excerpt", containsString("Zaporizhzhia"));
        search("residential buildings").body("items.id", contains(strike)).body("items[0].kind", equalTo("incident"));
    }

    @Test
    void matchesDespiteCaseAccentsAndSpelling() {
        search("KRYVYI RÍH").body("items.id", contains(strike));
        search("Kryvyi Rig").body("items.id", contains(strike));
        search("Zaporizhia").body("items.id", contains(clause));
        search("neccessary conversation").body("items.id", contains(quote));
        search("unrelated walrus").body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void narrowsByKindAndRefusesAMissingQuery() {
        given().queryParam("q", "Kryvyi Rih").queryParam("kind", "statement,clause").queryParam("negotiation", talks.toString())
                .when().get("/api/v1/search").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        given().queryParam("q", "Kryvyi Rih").queryParam("kind", "clause").queryParam("kind", "incident").queryParam("negotiation", talks.toString())
                .when().get("/api/v1/search").then().statusCode(200).body("items.id", contains(strike));
        given().when().get("/api/v1/search").then().statusCode(400).body("type", endsWith("/validation"))
                .body("violations.field", hasItem("q")).body("detail", containsString("the words to find"));
        given().queryParam("q", " ").when().get("/api/v1/search").then().statusCode(400).body("violations.field", hasItem("q"));
        given().queryParam("q", "Kherson\u0000").when().get("/api/v1/search").then().statusCode(400).body("violations.field", hasItem("q"));
        given().queryParam("q", "x").queryParam("kind", "clause,meeting").when().get("/api/v1/search").then().statusCode(400)
                .body("violations.field", hasItem("kind")).body("detail", containsString("statement, clause, incident"));
        given().queryParam("q", "x").queryParam("negotiation", "talks").when().get("/api/v1/search").then().statusCode(400)
                .body("violations.field", hasItem("negotiation"));
    }

    private io.restassured.response.ValidatableResponse search(String q) {
        return given().queryParam("q", q).queryParam("negotiation", talks.toString()).when().get("/api/v1/search").then().statusCode(200);
    }
}
