package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

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
import static org.parley.negotiation.Fixtures.put;
import static org.parley.negotiation.Fixtures.stance;

@QuarkusTest
class PositionApiTest {

    @Inject
    SessionFactory sessionFactory;

    private static long historyRows(String positionId) {
        return count("select count(*) from position_change where position_id = ?", UUID.fromString(positionId));
    }

    private static long outboxRows(String positionId) {
        return count("select count(*) from event_outbox where subject = ?", positionId);
    }

    /**
     * The write path's statements through Hibernate: only the context read (the proposal with its negotiation and
     * parties, the current position and the party's existence, in one). The change itself (the stance's update and the
     * history row in one statement) goes with the outbox and audit rows in one round trip of plain JDBC
     * (PositionWrites), and the alert rules' clause lock and statuses in another (AlertFactsRepository). It took twelve
     * before docs/performance.md's "The write path" (one each for the clause, proposal, negotiation, its parties, the
     * position and the party; the lock and statuses twice), five before its second round (the history row and the
     * update through Hibernate), and three before session 5 (the lock and the statuses through Hibernate).
     */
    @Test
    void aPositionChangeTakesOneStatementThroughHibernate() {
        UUID ru = knownParty("ru"), ua = knownParty("ua");
        UUID negotiation = Fixtures.negotiation(Map.of(ru, "principal", ua, "principal"));
        UUID clause = clause(Fixtures.proposal(negotiation, ru), "1", "ceasefire");
        String path = "/api/v1/clauses/" + clause + "/positions/" + ua;
        String etag = put(path, null, stance("under_review", "First")).statusCode(201).extract().header("ETag");
        Statistics statistics = sessionFactory.getStatistics();
        long fewest = Long.MAX_VALUE;
        // The fewest over a few writes, so that a statement from a background thread (the relay's) cannot inflate it.
        for (int i = 0; i < 3; i++) {
            long before = statistics.getPrepareStatementCount();
            etag = put(path, etag, stance(i % 2 == 0 ? "contested" : "under_review", "Write " + i)).statusCode(200).extract().header("ETag");
            fewest = Math.min(fewest, statistics.getPrepareStatementCount() - before);
        }
        assertEquals(1, fewest);
        var position = given().when().get(path).then().statusCode(200).header("ETag", etag)
                .body("status", equalTo("contested")).body("note", equalTo("Write 2")).body("sources[0].publication", equalTo("Reuters"))
                .extract();
        String id = position.path("id");
        assertEquals(4, historyRows(id));
        assertEquals(4, outboxRows(id));
        assertEquals(4, count("select count(*) from audit_entry where entity_id = ?", UUID.fromString(id)));
        given().when().get(path + "/history").then().statusCode(200)
                .body("items[3].status", equalTo("contested")).body("items[3].previousStatus", equalTo("under_review"))
                .body("items[3].note", equalTo("Write 2")).body("items[3].sources[0].publication", equalTo("Reuters"));
    }

    /**
     * The stance's update checks the version the writer read, in the database: a writer that read the position
     * before another's change committed gets 412, and nothing of its write is kept (no history row, event or audit
     * entry). Made deterministic by holding the row lock in a transaction of the test's, which changes the version
     * while the service's update waits for it.
     */
    @Test
    void aChangeCommittedWhileAWriteWaitsMakesItFailWith412AndLeaveNothing() throws Exception {
        UUID ru = knownParty("ru"), ua = knownParty("ua");
        UUID negotiation = Fixtures.negotiation(Map.of(ru, "principal", ua, "principal"));
        UUID clause = clause(Fixtures.proposal(negotiation, ru), "1", "ceasefire");
        String path = "/api/v1/clauses/" + clause + "/positions/" + ua;
        var first = put(path, null, stance("under_review", "First")).statusCode(201).extract();
        String id = first.path("id");
        String etag = first.header("ETag");
        try (java.sql.Connection other = Fixtures.database()) {
            other.setAutoCommit(false);
            try (var lock = other.prepareStatement("update party_position set note = 'Changed elsewhere', version = version + 1 where id = ?")) {
                lock.setObject(1, UUID.fromString(id));
                assertEquals(1, lock.executeUpdate());
            }
            var write = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    put(path, etag, stance("contested", "Late")).extract().statusCode());
            // The service's update now waits for the test's row lock.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%update party_position%' and pid <> pg_backend_pid()") == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the write never waited for the row lock");
                }
                Thread.sleep(20);
            }
            other.commit();
            assertEquals(412, write.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        given().when().get(path).then().statusCode(200).body("status", equalTo("under_review")).body("note", equalTo("Changed elsewhere"));
        assertEquals(1, historyRows(id));
        assertEquals(1, outboxRows(id));
        assertEquals(1, count("select count(*) from audit_entry where entity_id = ?", UUID.fromString(id)));
    }

    @Test
    void aPositionMovesOverTimeAndKeepsItsHistory() {
        UUID ru = knownParty("ru"), ua = knownParty("ua"), us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(ru, "principal", ua, "principal", us, "mediator"));
        UUID proposal = Fixtures.proposal(negotiation, us);
        UUID clause = clause(proposal, "7", "military_limits");
        String path = "/api/v1/clauses/" + clause + "/positions/" + ua;

        given().when().get(path).then().statusCode(404);
        var body = stance("under_review", "Studying the text");
        body.put("recordedAt", "2025-11-21T10:00:00Z");
        var first = put(path, null, body).statusCode(201).header("Location", containsString(path))
                .body("status", equalTo("under_review")).body("level", equalTo("clause")).body("clausesDisclosed", equalTo(true))
                .extract();
        String id = first.path("id");
        String etag = first.header("ETag");

        // A later write must say which version it changes.
        body = stance("contested", "Rejects a cap on its army");
        body.put("recordedAt", "2025-11-23T10:00:00Z");
        put(path, null, body).statusCode(428);
        String second = put(path, etag, body).statusCode(200).body("status", equalTo("contested")).extract().header("ETag");
        put(path, etag, stance("rejected", null)).statusCode(412).contentType("application/problem+json");
        given().when().get(path).then().body("status", equalTo("contested"));

        // The same status and note again: 200, but no new history row and no event.
        long history = historyRows(id), events = outboxRows(id);
        String same = put(path, second, body).statusCode(200).body("status", equalTo("contested")).extract().header("ETag");
        assertEquals(second, same);
        assertEquals(history, historyRows(id));
        assertEquals(events, outboxRows(id));

        body = stance("rejected", "No cap at all");
        body.put("recordedAt", "2025-11-22T10:00:00Z");
        put(path, second, body).statusCode(409).body("detail", containsString("before the current stance"));
        body.remove("recordedAt");
        put(path, second, body).statusCode(200).body("status", equalTo("rejected"));
        assertEquals(history + 1, historyRows(id));
        assertEquals(events + 1, outboxRows(id));

        given().when().get(path + "/history").then().statusCode(200)
                .body("items.status", equalTo(List.of("under_review", "contested", "rejected")))
                .body("items.previousStatus", equalTo(java.util.Arrays.asList(null, "under_review", "contested")))
                .body("items[0].recordedAt", equalTo("2025-11-21T10:00:00Z"))
                .body("items", org.hamcrest.Matchers.hasSize(3));
        given().queryParam("size", 1).queryParam("page", 1).when().get(path + "/history").then()
                .body("items.status", equalTo(List.of("contested"))).body("nextPageToken", org.hamcrest.Matchers.notNullValue());

        given().queryParam("negotiation", negotiation.toString()).queryParam("party", ua.toString())
                .when().get("/api/v1/positions").then().statusCode(200).body("items.id", equalTo(List.of(id)));
        given().queryParam("proposal", proposal.toString()).queryParam("status", "accepted")
                .when().get("/api/v1/positions").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void aStanceOnAWholeProposalWithTheClausesUndisclosed() {
        UUID ru = knownParty("ru"), us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(ru, "principal", us, "mediator"));
        UUID proposal = Fixtures.proposal(negotiation, us);
        UUID clause = clause(proposal, "1", "territory");
        String path = "/api/v1/proposals/" + proposal + "/positions/" + ru;

        var certainElements = put(path, null, stance("contested", "Certain elements are unacceptable")).statusCode(201)
                .body("level", equalTo("proposal")).body("clauseId", nullValue())
                .body("clausesDisclosed", equalTo(false)).body("affectedClauseIds", nullValue()).extract();

        var named = stance("rejected", "Territory is the issue");
        named.put("affectedClauseIds", List.of(clause.toString()));
        put(path, certainElements.header("ETag"), named).statusCode(200)
                .body("clausesDisclosed", equalTo(true)).body("affectedClauseIds", equalTo(List.of(clause.toString())));

        UUID foreign = UUID.randomUUID();
        named.put("affectedClauseIds", List.of(foreign.toString()));
        put(path, Fixtures.etag(path), named).statusCode(422).body("detail", containsString(foreign.toString()));

        given().when().get(path + "/history").then().body("items.status", equalTo(List.of("contested", "rejected")));
        given().queryParam("level", "proposal").queryParam("party", ru.toString()).when().get("/api/v1/positions").then()
                .body("items.level", equalTo(List.of("proposal")));
        given().queryParam("level", "treaty").queryParam("status", "nope").queryParam("negotiation", "abc").when().get("/api/v1/positions").then()
                .statusCode(400).contentType("application/problem+json").body("violations.field", equalTo(List.of("level", "negotiation", "status")))
                .body("detail", containsString("clause, proposal")).body("detail", containsString("accepted_with_reservations"));
        given().queryParam("updated_since", "2025-13-45").when().get(path + "/history").then().statusCode(400)
                .body("violations.field", equalTo(List.of("updated_since")));
        // The clause itself has no stance from Russia: the proposal-level one does not leak into it.
        given().when().get("/api/v1/clauses/" + clause + "/positions/" + ru).then().statusCode(404);
    }

    @Test
    void refusedStancesLeaveNothingBehind() {
        UUID ru = knownParty("ru"), us = knownParty("us"), fr = knownParty("fr");
        UUID negotiation = Fixtures.negotiation(Map.of(ru, "principal", us, "mediator"));
        UUID proposal = Fixtures.proposal(negotiation, us);
        UUID clause = clause(proposal, "1", "territory");

        var noSource = stance("accepted", null);
        noSource.remove("sources");
        put("/api/v1/clauses/" + clause + "/positions/" + ru, null, noSource).statusCode(422)
                .contentType("application/problem+json").body("type", containsString("source-required"));
        noSource.put("sources", List.of());
        put("/api/v1/clauses/" + clause + "/positions/" + ru, null, noSource).statusCode(422).body("type", containsString("source-required"));

        UUID ghost = UUID.randomUUID();
        put("/api/v1/clauses/" + clause + "/positions/" + ghost, null, stance("accepted", null)).statusCode(422)
                .body("type", containsString("unknown-reference")).body("detail", containsString(ghost.toString()));
        put("/api/v1/clauses/" + clause + "/positions/" + fr, null, stance("accepted", null)).statusCode(422)
                .body("type", containsString("not-a-participant"));
        put("/api/v1/clauses/" + clause + "/positions/" + ru, null, stance("agreed", null)).statusCode(400)
                .body("detail", containsString("accepted_with_reservations"));
        var future = stance("accepted", null);
        future.put("recordedAt", "2999-01-01T00:00:00Z");
        put("/api/v1/clauses/" + clause + "/positions/" + ru, null, future).statusCode(400);
        put("/api/v1/clauses/" + UUID.randomUUID() + "/positions/" + ru, null, stance("accepted", null)).statusCode(404);

        assertEquals(0, count("select count(*) from party_position where clause_id = ?", clause));
        given().queryParam("sort", "-recordedAt").queryParam("clause", clause.toString()).when().get("/api/v1/positions").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }
}
