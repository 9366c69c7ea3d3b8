package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.devstack.SharedDevStack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.negotiation.Fixtures.clause;
import static org.parley.negotiation.Fixtures.count;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.stance;

/** Who recorded a fact is the token's subject, and each write leaves one audit entry, with its event, in its transaction. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void aPositionIsRecordedByTheTokensSubjectWithItsReasonInTheTrailAndTheEvent() {
        UUID ru = knownParty("ru"), us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(ru, "principal", us, "mediator"));
        UUID clause = clause(Fixtures.proposal(negotiation, us), "3", "territory");
        String subject = "analyst-" + UUID.randomUUID();
        String token = SharedDevStack.tokens().token(subject, List.of("analyst"), Instant.now().plus(Duration.ofHours(1)));

        Map<String, Object> body = stance("rejected", "No withdrawal from Donbas");
        body.put("recordedBy", "someone else");
        String position = given().header("Authorization", "Bearer " + token).header("X-Change-Reason", "Kremlin readout")
                .contentType("application/json").body(body)
                .when().put("/api/v1/clauses/" + clause + "/positions/" + ru)
                .then().statusCode(201).body("recordedBy", equalTo(subject)).extract().path("id");

        String history = "/api/v1/clauses/" + clause + "/positions/" + ru + "/history";
        given().queryParam("subject", subject).when().get("/api/v1/audit").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0].entityType", equalTo("position"))
                .body("items[0].entityId", equalTo(position))
                .body("items[0].reason", equalTo("Kremlin readout"))
                .body("items[0].negotiationId", equalTo(negotiation.toString()))
                .body("items[0].links.history", equalTo(history));
        given().when().get(history).then().statusCode(200).body("items[0].recordedBy", equalTo(subject));
        assertEquals(1, count("select count(*) from event_outbox where subject = ? and actor = ? and change_reason = ?",
                position, subject, "Kremlin readout"));
    }

    @Test
    void aWriteWithoutAReasonHasNoneAndATooLongReasonIsRefusedWithNothingWritten() {
        UUID ru = knownParty("ru");
        String subject = "analyst-" + UUID.randomUUID();
        String token = "Bearer " + SharedDevStack.tokens().token(subject, List.of("analyst"), Instant.now().plus(Duration.ofHours(1)));
        Map<String, Object> talks = Fixtures.negotiationBody(Map.of(ru, "principal"));

        given().header("Authorization", token).header("X-Change-Reason", "x".repeat(501)).contentType("application/json").body(talks)
                .when().post("/api/v1/negotiations").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("X-Change-Reason"));
        given().queryParam("subject", subject).when().get("/api/v1/audit").then().body("items", org.hamcrest.Matchers.empty());

        given().header("Authorization", token).contentType("application/json").body(talks)
                .when().post("/api/v1/negotiations").then().statusCode(201);
        given().queryParam("subject", subject).queryParam("entity_type", "negotiation").when().get("/api/v1/audit").then()
                .body("items", org.hamcrest.Matchers.hasSize(1)).body("items[0].reason", nullValue())
                .body("items[0].action", equalTo("org.parley.negotiation.opened.v1"));
        given().queryParam("entity_type", "treaty").when().get("/api/v1/audit").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("entity_type")).body("detail", containsString("negotiation"));
    }
}
