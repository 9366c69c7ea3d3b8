package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.parley.negotiation.Fixtures.clause;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.post;
import static org.parley.negotiation.Fixtures.proposalBody;
import static org.parley.negotiation.Fixtures.put;

@QuarkusTest
class ProposalApiTest {

    private static String move(String id, String etag, String status, int expected) {
        return given().contentType("application/json").header("If-Match", etag).body(Map.of("status", status))
                .when().post("/api/v1/proposals/" + id + "/status").then().statusCode(expected).extract().header("ETag");
    }

    @Test
    void lifecycleFromDraftToAccepted() {
        UUID us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(us, "mediator"));
        var created = post("/api/v1/proposals", proposalBody(negotiation, us, 1, null)).statusCode(201)
                .body("status", equalTo("draft")).body("allowedNextStatuses", equalTo(List.of("tabled", "superseded"))).extract();
        String id = created.path("id");
        String etag = move(id, created.header("ETag"), "tabled", 200);
        etag = move(id, etag, "under_negotiation", 200);
        etag = move(id, etag, "accepted", 200);
        given().when().get("/api/v1/proposals/" + id).then().body("status", equalTo("accepted")).body("allowedNextStatuses", hasSize(0));
        given().contentType("application/json").header("If-Match", etag).body(Map.of("status", "superseded"))
                .when().post("/api/v1/proposals/" + id + "/status").then().statusCode(409)
                .body("detail", containsString("allowed next: none"));
    }

    @Test
    void everyInvalidTransitionIsA409NamingTheAllowedOnes() {
        UUID us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(us, "mediator"));
        Map<String, List<String>> allowed = Map.of(
                "draft", List.of("tabled", "superseded"),
                "tabled", List.of("under_negotiation", "superseded"),
                "under_negotiation", List.of("accepted", "rejected", "withdrawn", "superseded"),
                "accepted", List.of(), "rejected", List.of(), "withdrawn", List.of(), "superseded", List.of());
        List<String> all = List.of("draft", "tabled", "under_negotiation", "accepted", "rejected", "withdrawn", "superseded");
        for (String from : all) {
            for (String to : all) {
                if (from.equals(to) || allowed.get(from).contains(to)) {
                    continue;
                }
                // Walk a fresh proposal to 'from' along valid moves, then try the invalid one.
                var created = post("/api/v1/proposals", proposalBody(negotiation, us, 1, "draft")).statusCode(201).extract();
                String id = created.path("id");
                String etag = created.header("ETag");
                for (String step : route(from)) {
                    etag = move(id, etag, step, 200);
                }
                String expectedAllowed = allowed.get(from).isEmpty() ? "none" : String.join(", ", allowed.get(from));
                given().contentType("application/json").header("If-Match", etag).body(Map.of("status", to))
                        .when().post("/api/v1/proposals/" + id + "/status").then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("detail", allOf(containsString(from), containsString(to), containsString("allowed next: " + expectedAllowed)));
                given().when().get("/api/v1/proposals/" + id).then().body("status", equalTo(from));
            }
        }
    }

    /** Valid moves from draft to each status. */
    private static List<String> route(String target) {
        return switch (target) {
            case "draft" -> List.of();
            case "tabled" -> List.of("tabled");
            case "under_negotiation" -> List.of("tabled", "under_negotiation");
            case "superseded" -> List.of("superseded");
            default -> List.of("tabled", "under_negotiation", target);
        };
    }

    @Test
    void aNewVersionSupersedesTheOldAndClausesKeepTheirLineage() {
        UUID us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(us, "mediator"));
        String v1 = post("/api/v1/proposals", proposalBody(negotiation, us, 1, "tabled")).statusCode(201).extract().path("id");
        UUID c12 = clause(UUID.fromString(v1), "12", "military_limits");
        var body = proposalBody(negotiation, us, 2, "tabled");
        body.put("supersedesProposalId", v1);
        String v2 = post("/api/v1/proposals", body).statusCode(201).body("supersedesProposalId", equalTo(v1)).extract().path("id");
        given().when().get("/api/v1/proposals/" + v1).then().body("status", equalTo("superseded"));
        // A final proposal cannot be superseded again.
        post("/api/v1/proposals", body).statusCode(409).body("detail", containsString("superseded"));

        String c7 = post("/api/v1/proposals/" + v2 + "/clauses", Map.of("label", "7", "topic", "military_limits",
                "derivedFromClauseId", c12.toString())).statusCode(201).extract().path("id");
        // A clause can only come from an earlier version, not from a sibling or a later one.
        post("/api/v1/proposals/" + v1 + "/clauses", Map.of("label", "13", "topic", "other", "derivedFromClauseId", c7))
                .statusCode(422).body("type", containsString("invalid-lineage"));

        given().when().get("/api/v1/clauses/" + c7 + "/lineage").then().statusCode(200)
                .body("ancestors.clauseId", equalTo(List.of(c12.toString())))
                .body("ancestors[0].proposalVersion", equalTo(1))
                .body("descendants", hasSize(0));
        given().when().get("/api/v1/clauses/" + c12 + "/lineage").then().statusCode(200)
                .body("ancestors", hasSize(0))
                .body("descendants.clauseId", equalTo(List.of(c7)));
    }

    @Test
    void clausesAreAddedEditedAndReordered() {
        UUID us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(us, "mediator"));
        UUID proposal = Fixtures.proposal(negotiation, us);
        UUID a = clause(proposal, "1", "ceasefire"), b = clause(proposal, "2", "territory"), c = clause(proposal, "3", "sanctions");
        post("/api/v1/proposals/" + proposal + "/clauses", Map.of("label", "2", "topic", "other")).statusCode(409);
        post("/api/v1/proposals/" + proposal + "/clauses", Map.of("label", "4", "topic", "weather")).statusCode(400)
                .body("detail", containsString("military_limits"));

        given().when().get("/api/v1/proposals/" + proposal + "/clauses").then().statusCode(200)
                .body("items.label", equalTo(List.of("1", "2", "3"))).body("items.position", equalTo(List.of(1, 2, 3)))
                .body("items[0].text", equalTo(null));

        String etag = Fixtures.etag("/api/v1/proposals/" + proposal);
        String path = "/api/v1/proposals/" + proposal + "/clauses/order";
        put(path, etag, Map.of("clauseIds", List.of(c.toString(), a.toString()))).statusCode(409).body("detail", containsString(b.toString()));
        put(path, etag, Map.of("clauseIds", List.of(c.toString(), a.toString(), b.toString(), UUID.randomUUID().toString()))).statusCode(409);
        put(path, etag, Map.of("clauseIds", List.of(c.toString(), a.toString(), a.toString()))).statusCode(400);
        put(path, null, Map.of("clauseIds", List.of(c.toString(), a.toString(), b.toString()))).statusCode(428);
        String next = put(path, etag, Map.of("clauseIds", List.of(c.toString(), a.toString(), b.toString()))).statusCode(200)
                .body("label", equalTo(List.of("3", "1", "2"))).body("position", equalTo(List.of(1, 2, 3))).extract().header("ETag");
        put(path, etag, Map.of("clauseIds", List.of(a.toString(), b.toString(), c.toString()))).statusCode(412);
        org.junit.jupiter.api.Assertions.assertNotEquals(etag, next);
        given().when().get("/api/v1/proposals/" + proposal + "/clauses").then().body("items.label", equalTo(List.of("3", "1", "2")));

        String clauseEtag = Fixtures.etag("/api/v1/clauses/" + a);
        Map<String, Object> edit = Map.of("label", "1", "heading", "Ceasefire", "text", "All hostilities cease.", "topic", "ceasefire");
        String edited = put("/api/v1/clauses/" + a, clauseEtag, edit).statusCode(200).body("text", equalTo("All hostilities cease."))
                .body("position", equalTo(2)).extract().header("ETag");
        put("/api/v1/clauses/" + a, clauseEtag, edit).statusCode(412);
        put("/api/v1/clauses/" + a, null, edit).statusCode(428);
        put("/api/v1/clauses/" + a, edited, Map.of("label", "3", "topic", "ceasefire")).statusCode(409);
        given().when().get("/api/v1/clauses/" + a).then().body("label", equalTo("1")).body("heading", equalTo("Ceasefire"));
        given().when().get("/api/v1/clauses/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aProposalNeedsAKnownSponsorAndNegotiation() {
        UUID us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(us, "mediator"));
        UUID ghost = UUID.randomUUID();
        post("/api/v1/proposals", proposalBody(negotiation, ghost, 1, null)).statusCode(422).body("detail", containsString(ghost.toString()));
        post("/api/v1/proposals", proposalBody(UUID.randomUUID(), us, 1, null)).statusCode(422).body("detail", containsString("negotiation"));
        post("/api/v1/proposals", proposalBody(negotiation, us, 1, "accepted")).statusCode(400);
        post("/api/v1/proposals", proposalBody(negotiation, us, 0, null)).statusCode(400);
        given().queryParam("negotiation", negotiation.toString()).when().get("/api/v1/proposals").then()
                .body("items", org.hamcrest.Matchers.empty()).body("items", not(hasSize(1)));
    }

    @Test
    void aBadFilterIsA400ProblemNamingTheParameter() {
        given().queryParam("status", "nope").when().get("/api/v1/proposals").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("status")))
                .body("violations[0].message", containsString("draft, tabled, under_negotiation, accepted, rejected, withdrawn, superseded"));
        given().queryParam("negotiation", "abc").queryParam("sponsor", "12-34").when().get("/api/v1/proposals").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of("negotiation", "sponsor")));
        given().queryParam("updated_since", "last week").when().get("/api/v1/proposals").then().statusCode(400)
                .body("violations.field", equalTo(List.of("updated_since")));
        // A blank parameter is no filter, as before.
        given().queryParam("status", "").queryParam("negotiation", " ").when().get("/api/v1/proposals").then().statusCode(200);

        UUID us = knownParty("us");
        String proposal = post("/api/v1/proposals", proposalBody(Fixtures.negotiation(Map.of(us, "mediator")), us, 1, null)).statusCode(201)
                .extract().path("id");
        given().queryParam("updated_since", "soon").when().get("/api/v1/proposals/" + proposal + "/clauses").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of("updated_since")));
        given().queryParam("status", "nope").when().get("/api/v1/negotiations").then().statusCode(400)
                .body("violations.field", equalTo(List.of("status"))).body("detail", containsString("active, stalled, concluded, collapsed"));
    }
}
