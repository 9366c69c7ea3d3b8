package org.parley.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.negotiation.Fixtures.clause;
import static org.parley.negotiation.Fixtures.knownEnvoy;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.post;
import static org.parley.negotiation.Fixtures.put;
import static org.parley.negotiation.Fixtures.stance;

/** The bulk export: the same rows as the lists, the same filters, as NDJSON and as CSV, each row with its sources. */
@QuarkusTest
class ExportApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AWKWARD_NOTE = "Rejects \"any\" cap, on troops;\nsee line two";

    @Test
    void positionsExportHoldsWhatTheListHoldsWithTheSameFilters() throws IOException {
        Scenario s = scenario();

        List<JsonNode> exported = ndjson(given().queryParam("negotiation", s.negotiation.toString()), "positions");
        assertEquals(byId(list("/api/v1/positions", Map.of("negotiation", s.negotiation.toString()))), byId(exported));
        assertEquals(2, exported.size());
        exported.forEach(row -> assertEquals(Fixtures.SOURCE.get("publication"), row.path("sources").path(0).path("publication").asText()));

        // Every filter of the list, read by the same code: one party, one status, one level.
        for (Map<String, String> filter : List.of(
                Map.of("negotiation", s.negotiation.toString(), "party", s.ua.toString()),
                Map.of("negotiation", s.negotiation.toString(), "status", "accepted"),
                Map.of("negotiation", s.negotiation.toString(), "level", "proposal"),
                Map.of("clause", s.clauseA.toString()))) {
            assertEquals(byId(list("/api/v1/positions", filter)), byId(ndjson(given().queryParams(filter), "positions")), filter.toString());
        }
        assertEquals(1, ndjson(given().queryParam("negotiation", s.negotiation.toString()).queryParam("party", s.ua.toString()), "positions").size());

        // A bad filter is the list's 400, before any byte of the export.
        String listDetail = given().queryParam("party", "abc").when().get("/api/v1/positions").then().statusCode(400).extract().path("detail");
        given().queryParam("party", "abc").header("Accept", "application/x-ndjson").when().get("/api/v1/export/positions").then()
                .statusCode(400).contentType("application/problem+json").body("detail", org.hamcrest.Matchers.equalTo(listDetail));
    }

    @Test
    void positionChangesCarryTheirPositionAndComeInTheOrderRecorded() throws IOException {
        Scenario s = scenario();
        List<JsonNode> changes = ndjson(given().queryParam("negotiation", s.negotiation.toString()), "position-changes");
        assertEquals(List.of("under_review", "contested", "accepted"), changes.stream().map(c -> c.path("status").asText()).toList());
        assertTrue(changes.get(0).path("sequence").asLong() < changes.get(1).path("sequence").asLong());
        JsonNode contested = changes.get(1);
        assertEquals(s.ua.toString(), contested.path("partyId").asText());
        assertEquals(s.clauseA.toString(), contested.path("clauseId").asText());
        assertEquals(s.negotiation.toString(), contested.path("negotiationId").asText());
        assertEquals("under_review", contested.path("previousStatus").asText());
        assertEquals(AWKWARD_NOTE, contested.path("note").asText());
        assertEquals("clause", contested.path("level").asText());
        assertEquals("Reuters", contested.path("sources").path(0).path("publication").asText());

        // status applies to the change, the rest to its position.
        assertEquals(List.of("contested"), ndjson(given().queryParam("negotiation", s.negotiation.toString()).queryParam("status", "contested"),
                "position-changes").stream().map(c -> c.path("status").asText()).toList());
        assertEquals(2, ndjson(given().queryParam("party", s.ua.toString()), "position-changes").size());
    }

    @Test
    void csvHasAStableHeaderQuotesWhatNeedsItAndKeepsSourcesAsJson() throws IOException {
        Scenario s = scenario();
        ExtractableResponse<Response> response = given().header("Accept", "text/csv").queryParam("negotiation", s.negotiation.toString())
                .queryParam("party", s.ua.toString()).when().get("/api/v1/export/position-changes").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("position-changes.csv")).extract();
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        String header = "sequence,positionId,negotiationId,proposalId,clauseId,partyId,level,status,previousStatus,note,sources,"
                + "affectedClauseIds,recordedAt,recordedBy,createdAt";
        assertTrue(body.startsWith(header + "\r\n"), body);

        List<Map<String, String>> rows = csv(body);
        assertEquals(2, rows.size());
        Map<String, String> contested = rows.get(1);
        assertEquals(AWKWARD_NOTE, contested.get("note"));
        assertEquals("contested", contested.get("status"));
        assertEquals("", contested.get("affectedClauseIds"), "null is an empty cell");
        JsonNode sources = JSON.readTree(contested.get("sources"));
        assertEquals("https://www.reuters.com/world/europe/example", sources.path(0).path("url").asText());

        // The NDJSON and the CSV of one export agree cell by cell on the scalar columns.
        JsonNode sameRow = ndjson(given().queryParam("negotiation", s.negotiation.toString()).queryParam("party", s.ua.toString()), "position-changes").get(1);
        for (String column : List.of("sequence", "positionId", "clauseId", "status", "previousStatus", "recordedAt", "createdAt")) {
            assertEquals(sameRow.path(column).asText(), contested.get(column), column);
        }
    }

    @Test
    void theFormatIsNegotiatedAndAnythingElseIsRefused() {
        Scenario s = scenario();
        given().queryParam("negotiation", s.negotiation.toString()).header("Accept", "application/json").when().get("/api/v1/export/positions")
                .then().statusCode(406).contentType("application/problem+json").body("type", containsString("not-acceptable"));
        given().queryParam("negotiation", s.negotiation.toString()).header("Accept", "*/*").when().get("/api/v1/export/positions")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"));
        given().queryParam("negotiation", s.negotiation.toString()).queryParam("format", "csv").header("Accept", "*/*")
                .when().get("/api/v1/export/positions").then().statusCode(200).contentType(startsWith("text/csv"));
        given().queryParam("negotiation", s.negotiation.toString()).header("Accept", "text/csv, application/x-ndjson;q=0.5")
                .when().get("/api/v1/export/positions").then().statusCode(200).contentType(startsWith("text/csv"));
        given().queryParam("format", "csv").header("Accept", "application/x-ndjson").when().get("/api/v1/export/positions")
                .then().statusCode(406).contentType("application/problem+json");
        given().queryParam("format", "xml").header("Accept", "*/*").when().get("/api/v1/export/positions")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("format"));
    }

    @Test
    void meetingsStatementsAndIncidentsExportAsTheirListsServeThem() throws IOException {
        Scenario s = scenario();
        UUID putin = knownEnvoy(s.ru, "Vladimir Putin");
        StatementTestSupport.meeting(s.negotiation, "2025-12-02T16:00:00Z", List.of(putin), List.of(s.ru, s.us));
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("negotiationId", s.negotiation.toString());
        statement.put("envoyId", putin.toString());
        statement.put("quote", "This was a necessary conversation, a very concrete one");
        statement.put("saidOn", "2025-12-03");
        statement.put("sources", List.of(StatementTestSupport.source("Vladimir Putin")));
        post("/api/v1/statements", statement).statusCode(201);
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("negotiationId", s.negotiation.toString());
        incident.put("occurredOn", "2025-12-04");
        incident.put("kind", "missile_strike");
        incident.put("place", Map.of("city", "Kryvyi Rih", "region", "Dnipropetrovsk"));
        incident.put("attributedToPartyId", s.ru.toString());
        incident.put("casualties", Map.of("injured", 6, "childrenInjured", 1));
        incident.put("sources", List.of(StatementTestSupport.source("local officials")));
        post("/api/v1/incidents", incident).statusCode(201);

        Map<String, String> filter = Map.of("negotiation", s.negotiation.toString());
        for (String kind : List.of("meetings", "statements", "incidents")) {
            List<JsonNode> exported = ndjson(given().queryParams(filter), kind);
            assertEquals(1, exported.size(), kind);
            assertEquals(byId(list("/api/v1/" + kind, filter)), byId(exported), kind);
            assertTrue(exported.get(0).path("sources").size() > 0, kind + " rows carry their sources");
        }
        assertEquals("Vladimir Putin", ndjson(given().queryParams(filter), "statements").get(0).path("envoyName").asText());
        assertEquals(0, ndjson(given().queryParams(filter).queryParam("city", "Odesa"), "incidents").size());
        assertEquals(0, ndjson(given().queryParams(filter).queryParam("from", "2025-12-04"), "statements").size());

        // A nested object is spread over dotted columns; lists stay JSON.
        String body = new String(given().queryParams(filter).queryParam("format", "csv").when().get("/api/v1/export/incidents")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        Map<String, String> row = csv(body).get(0);
        assertEquals("Kryvyi Rih", row.get("place.city"));
        assertEquals("6", row.get("casualties.injured"));
        assertEquals("", row.get("casualties.killed"));
        assertEquals("[]", row.get("damage"));
        assertEquals("local officials", JSON.readTree(row.get("sources")).path(0).path("attribution").asText());
        String meetings = new String(given().queryParams(filter).queryParam("format", "csv").when().get("/api/v1/export/meetings")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        Map<String, String> meeting = csv(meetings).get(0);
        assertEquals("Moscow", meeting.get("location.city"));
        assertEquals("PT5H", meeting.get("duration"));
        assertEquals("[\"" + putin + "\"]", meeting.get("participantEnvoyIds"));
    }

    @Test
    void everyCsvStartsWithItsDocumentedHeaderEvenWhenNothingMatches() {
        Map<String, String> headers = Map.of(
                "positions", "id,level,negotiationId,proposalId,clauseId,partyId,status,note,sources,clausesDisclosed,affectedClauseIds,recordedAt,recordedBy,updatedAt",
                "position-changes", "sequence,positionId,negotiationId,proposalId,clauseId,partyId,level,status,previousStatus,note,sources,affectedClauseIds,recordedAt,recordedBy,createdAt",
                "meetings", "id,negotiationId,title,startsAt,startPrecision,timingAsReported,duration,location.city,location.country,location.venue,format,status,"
                        + "statusNote,outcomeSummary,participantEnvoyIds,partyIds,discussedProposalIds,discussedClauseIds,sources,createdAt,updatedAt",
                "statements", "id,negotiationId,envoyId,envoyName,partyId,meetingId,proposalId,quote,saidOn,saidOnPrecision,saidOnAsReported,context,sources,createdAt,updatedAt",
                "incidents", "id,negotiationId,occurredOn,datePrecision,dateAsReported,place.city,place.region,place.country,place.latitude,place.longitude,"
                        + "place.asReported,kind,weapons,description,attributedToPartyId,attributedBy,casualties.killed,casualties.injured,casualties.childrenKilled,"
                        + "casualties.childrenInjured,casualties.civilian,casualties.notes,damage,weaponsLaunched,consequences,sources,createdAt,updatedAt");
        String nobody = UUID.randomUUID().toString();
        headers.forEach((kind, header) -> assertEquals(header + "\r\n", new String(given().queryParam("negotiation", nobody).header("Accept", "text/csv")
                .when().get("/api/v1/export/" + kind).then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8), kind));
        headers.keySet().forEach(kind -> assertEquals(0, given().queryParam("negotiation", nobody).header("Accept", "application/x-ndjson")
                .when().get("/api/v1/export/" + kind).then().statusCode(200).extract().asByteArray().length, kind));
    }

    // --- the scenario: a clause-level history with an awkward note, and a second party's stance ---

    private record Scenario(UUID negotiation, UUID ru, UUID ua, UUID us, UUID clauseA, UUID clauseB) {
    }

    private static Scenario scenario() {
        UUID ru = knownParty("ru"), ua = knownParty("ua"), us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(ru, "principal", ua, "principal", us, "mediator"));
        UUID proposal = Fixtures.proposal(negotiation, us);
        UUID clauseA = clause(proposal, "1", "ceasefire");
        UUID clauseB = clause(proposal, "2", "territory");
        String onA = "/api/v1/clauses/" + clauseA + "/positions/" + ua;
        String etag = put(onA, null, stance("under_review", null)).statusCode(201).extract().header("ETag");
        put(onA, etag, stance("contested", AWKWARD_NOTE)).statusCode(200);
        put("/api/v1/clauses/" + clauseB + "/positions/" + ru, null, stance("accepted", "Fine")).statusCode(201);
        return new Scenario(negotiation, ru, ua, us, clauseA, clauseB);
    }

    private static List<JsonNode> ndjson(RequestSpecification request, String kind) throws IOException {
        byte[] body = request.header("Accept", "application/x-ndjson").when().get("/api/v1/export/" + kind).then().statusCode(200)
                .contentType(startsWith("application/x-ndjson")).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.isEmpty() || text.endsWith("\n"), "every line ends in a newline");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    private static List<JsonNode> list(String path, Map<String, String> filter) {
        try {
            String body = given().queryParams(filter).queryParam("size", 200).when().get(path).then().statusCode(200).extract().asString();
            List<JsonNode> items = new ArrayList<>();
            JSON.readTree(body).path("items").forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> byId(List<JsonNode> rows) {
        return rows.stream().sorted(Comparator.comparing(r -> r.path("id").asText())).toList();
    }

    private static List<Map<String, String>> csv(String body) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(body)) {
            return rows.readAll();
        }
    }
}
