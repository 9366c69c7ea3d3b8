package org.parley.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.events.Topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.negotiation.Fixtures.SOURCE;
import static org.parley.negotiation.Fixtures.clause;
import static org.parley.negotiation.Fixtures.etag;
import static org.parley.negotiation.Fixtures.knownEnvoy;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.negotiationBody;
import static org.parley.negotiation.Fixtures.post;
import static org.parley.negotiation.Fixtures.proposalBody;
import static org.parley.negotiation.Fixtures.put;
import static org.parley.negotiation.Fixtures.stance;

/** Every kind of change reaches parley.negotiations.v1 through the outbox, keyed by its negotiation. */
@QuarkusTest
class EventsTest {

    @Test
    void everyKindOfChangeIsPublished() {
        UUID ru = knownParty("ru"), ua = knownParty("ua"), us = knownParty("us");
        UUID witkoff = knownEnvoy(us, "Steve Witkoff");
        Map<String, Object> talks = negotiationBody(Map.of(ru, "principal", ua, "principal", us, "mediator"));
        String negotiation = post("/api/v1/negotiations", talks).statusCode(201).extract().path("id");
        talks.put("status", "stalled");
        put("/api/v1/negotiations/" + negotiation, etag("/api/v1/negotiations/" + negotiation), talks).statusCode(200);

        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("negotiationId", negotiation);
        meeting.put("title", "Kremlin meeting");
        meeting.put("startsAt", "2025-12-02T16:00:00Z");
        meeting.put("duration", "PT5H");
        meeting.put("format", "in_person");
        meeting.put("participantEnvoyIds", List.of(witkoff.toString()));
        meeting.put("sources", List.of(SOURCE));
        String meetingId = post("/api/v1/meetings", meeting).statusCode(201).extract().path("id");
        meeting.put("outcomeSummary", "No breakthrough");
        put("/api/v1/meetings/" + meetingId, etag("/api/v1/meetings/" + meetingId), meeting).statusCode(200);
        given().contentType("application/json").header("If-Match", etag("/api/v1/meetings/" + meetingId)).body(Map.of("status", "held"))
                .when().post("/api/v1/meetings/" + meetingId + "/status").then().statusCode(200);

        UUID negotiationId = UUID.fromString(negotiation);
        String v1 = post("/api/v1/proposals", proposalBody(negotiationId, us, 1, "tabled")).statusCode(201).extract().path("id");
        Map<String, Object> changes = Map.of("title", "28-point plan", "sponsorPartyId", us.toString(), "version", 1, "sources", List.of(SOURCE));
        put("/api/v1/proposals/" + v1, etag("/api/v1/proposals/" + v1), changes).statusCode(200);
        UUID first = clause(UUID.fromString(v1), "1", "ceasefire");
        UUID second = clause(UUID.fromString(v1), "2", "territory");
        put("/api/v1/clauses/" + first, etag("/api/v1/clauses/" + first), Map.of("label", "1", "topic", "ceasefire", "text", "Fighting stops")).statusCode(200);
        put("/api/v1/proposals/" + v1 + "/clauses/order", etag("/api/v1/proposals/" + v1),
                Map.of("clauseIds", List.of(second.toString(), first.toString()))).statusCode(200);
        String clausePosition = put("/api/v1/clauses/" + first + "/positions/" + ua, null, stance("accepted", null)).statusCode(201).extract().path("id");
        String proposalPosition = put("/api/v1/proposals/" + v1 + "/positions/" + ru, null, stance("contested", "Certain elements are unacceptable"))
                .statusCode(201).extract().path("id");
        var v2 = proposalBody(negotiationId, us, 2, "tabled");
        v2.put("supersedesProposalId", v1);
        String v2Id = post("/api/v1/proposals", v2).statusCode(201).extract().path("id");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("org.parley.negotiation.opened.v1", negotiation);
        expected.put("org.parley.negotiation.updated.v1", negotiation);
        expected.put("org.parley.meeting.scheduled.v1", meetingId);
        expected.put("org.parley.meeting.updated.v1", meetingId);
        expected.put("org.parley.meeting.status-changed.v1", meetingId);
        expected.put("org.parley.proposal.tabled.v1", v2Id);
        expected.put("org.parley.proposal.updated.v1", v1);
        expected.put("org.parley.proposal.status-changed.v1", v1);
        expected.put("org.parley.clause.added.v1", second.toString());
        expected.put("org.parley.clause.updated.v1", first.toString());
        expected.put("org.parley.proposal.clauses-reordered.v1", v1);
        expected.put("org.parley.position.recorded.v1", proposalPosition);

        var published = TestKafka.read(Topic.NEGOTIATIONS, p -> negotiation.equals(p.key()),
                got -> got.stream().map(p -> p.type() + " " + p.subject()).collect(Collectors.toSet())
                        .containsAll(expected.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        Set<String> seen = published.stream().map(p -> p.type() + " " + p.subject()).collect(Collectors.toSet());
        expected.forEach((type, subject) -> assertTrue(seen.contains(type + " " + subject), "missing " + type + " for " + subject + "; got " + seen));
        assertTrue(seen.contains("org.parley.position.recorded.v1 " + clausePosition), seen.toString());
        published.forEach(p -> assertEquals("parley/negotiation-service", p.source()));

        JsonNode superseded = data(published, "org.parley.proposal.status-changed.v1", v1);
        assertEquals("superseded", superseded.get("status").asText());
        assertEquals("tabled", superseded.get("previousStatus").asText());
        assertEquals(v2Id, superseded.get("supersededByProposalId").asText());
        JsonNode undisclosed = data(published, "org.parley.position.recorded.v1", proposalPosition);
        assertTrue(undisclosed.get("clauseId").isNull() && undisclosed.get("affectedClauseIds").isNull(), undisclosed.toString());
        assertEquals("Certain elements are unacceptable", undisclosed.get("note").asText());
        assertEquals("PT5H", data(published, "org.parley.meeting.scheduled.v1", meetingId).at("/meeting/duration").asText());
    }

    private static JsonNode data(List<TestKafka.Published> published, String type, String subject) {
        String json = published.stream().filter(p -> p.type().equals(type) && p.subject().equals(subject)).findFirst().orElseThrow().data();
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
