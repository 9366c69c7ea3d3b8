package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.negotiation.Fixtures.clause;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.put;
import static org.parley.negotiation.Fixtures.stance;

@QuarkusTest
class BoardTest {

    @Inject
    SessionFactory sessionFactory;

    private static void stand(UUID clause, UUID party, String status) {
        put("/api/v1/clauses/" + clause + "/positions/" + party, null, stance(status, null)).statusCode(201);
    }

    @Test
    void countsOnAProposalWithThreePartiesAndFourClauses() {
        UUID ru = knownParty("ru"), ua = knownParty("ua"), us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(ru, "principal", ua, "principal", us, "mediator"));
        UUID proposal = Fixtures.proposal(negotiation, us);
        UUID ceasefire = clause(proposal, "1", "ceasefire");
        UUID territory = clause(proposal, "2", "territory");
        UUID guarantees = clause(proposal, "3", "security_guarantees");
        UUID elections = clause(proposal, "4", "elections");

        // Clause 1: both principals accept (one with reservations), the mediator has not said: consensus.
        stand(ceasefire, ru, "accepted");
        stand(ceasefire, ua, "accepted_with_reservations");
        // Clause 2: Ukraine rejects, Russia contests.
        stand(territory, ua, "rejected");
        stand(territory, ru, "contested");
        // Clause 3: only the mediator accepts; the principals have not stated anything.
        stand(guarantees, us, "accepted");
        // Clause 4: nobody has said anything.
        put("/api/v1/proposals/" + proposal + "/positions/" + ru, null, stance("contested", "Certain elements are unacceptable")).statusCode(201);

        var board = given().when().get("/api/v1/proposals/" + proposal + "/board").then().statusCode(200)
                .body("parties", hasSize(3))
                .body("clauses.label", equalTo(List.of("1", "2", "3", "4")))
                .body("clauses[0].cells", hasSize(3))
                .body("summary.clauses", equalTo(4))
                .body("summary.acceptedByAllPrincipals", equalTo(1))
                .body("summary.contested", equalTo(1))
                .body("summary.rejected", equalTo(1))
                .body("summary.noStatedPosition", equalTo(1))
                .body("proposalPositions", hasSize(3))
                .extract().jsonPath();

        List<String> columns = board.getList("parties.partyId");
        int ruColumn = columns.indexOf(ru.toString()), usColumn = columns.indexOf(us.toString());
        assertEquals("contested", board.getString("clauses[1].cells[" + ruColumn + "].status"));
        assertEquals("not_stated", board.getString("clauses[3].cells[" + ruColumn + "].status"));
        assertEquals(null, (Object) board.get("clauses[3].cells[" + ruColumn + "].changedAt"));
        assertTrue(board.getString("clauses[0].cells[" + ruColumn + "].changedAt").endsWith("Z"));
        assertEquals("contested", board.getString("proposalPositions[" + ruColumn + "].status"));
        assertEquals(false, board.getBoolean("proposalPositions[" + ruColumn + "].clausesDisclosed"));
        assertEquals("not_stated", board.getString("proposalPositions[" + usColumn + "].status"));
        assertEquals("principal", board.getString("parties[" + ruColumn + "].role"));
    }

    @Test
    void theNumberOfQueriesDoesNotGrowWithTheBoard() {
        UUID small = boardOf(1, 1);
        UUID large = boardOf(6, 12);
        given().when().get("/api/v1/proposals/" + UUID.randomUUID() + "/board").then().statusCode(404);

        long smallQueries = queriesFor(small);
        long largeQueries = queriesFor(large);
        assertEquals(smallQueries, largeQueries, "the board must not issue a query per clause or party");
        assertTrue(largeQueries <= 4, "the board takes " + largeQueries + " queries");
        given().when().get("/api/v1/proposals/" + large + "/board").then()
                .body("clauses", hasSize(12)).body("parties", hasSize(6)).body("summary.acceptedByAllPrincipals", equalTo(12))
                .body("clauses[11].cells[5].changedAt", org.hamcrest.Matchers.notNullValue())
                .body("proposalPositions[0].changedAt", nullValue());
    }

    /**
     * Every position write leaves a dead version of its party_position row, which the board reads by proposal: the
     * table is kept with room on its pages and vacuumed early (docs/performance.md, "The write path").
     */
    @Test
    void thePositionTableIsStoredForChurn() {
        String options = Fixtures.text("select array_to_string(reloptions, ',') from pg_class where relname = 'party_position'");
        assertEquals("fillfactor=50,autovacuum_vacuum_scale_factor=0.01,autovacuum_vacuum_threshold=1000,autovacuum_vacuum_cost_delay=0", options);
    }

    /** The fewest statements over a few reads, so that a statement from a background thread cannot inflate it. */
    private long queriesFor(UUID proposal) {
        Statistics statistics = sessionFactory.getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statistics.getPrepareStatementCount();
            given().when().get("/api/v1/proposals/" + proposal + "/board").then().statusCode(200);
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        return fewest;
    }

    /** A proposal whose clauses every party (all principals) accepts. */
    private static UUID boardOf(int parties, int clauses) {
        List<UUID> partyIds = new ArrayList<>();
        Map<UUID, String> roles = new java.util.HashMap<>();
        for (int i = 0; i < parties; i++) {
            UUID party = knownParty("p" + i);
            partyIds.add(party);
            roles.put(party, "principal");
        }
        UUID negotiation = Fixtures.negotiation(roles);
        UUID proposal = Fixtures.proposal(negotiation, partyIds.get(0));
        for (int c = 0; c < clauses; c++) {
            UUID clause = clause(proposal, String.valueOf(c + 1), "other");
            for (UUID party : partyIds) {
                stand(clause, party, "accepted");
            }
        }
        return proposal;
    }
}
