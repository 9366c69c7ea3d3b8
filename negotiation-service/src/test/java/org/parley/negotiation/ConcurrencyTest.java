package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.negotiation.Fixtures.clause;
import static org.parley.negotiation.Fixtures.count;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.post;
import static org.parley.negotiation.Fixtures.put;
import static org.parley.negotiation.Fixtures.stance;

/**
 * Two writers with the same ETag, at the same moment: one wins, the other gets 412, and history has one entry. A
 * writer that slips in between a service's check and its write gets the answer the check would have given.
 */
@QuarkusTest
class ConcurrencyTest {

    @Test
    void twoWritersWithTheSameEtagCannotBothWin() throws Exception {
        UUID ua = knownParty("ua"), us = knownParty("us");
        UUID negotiation = Fixtures.negotiation(Map.of(ua, "principal", us, "mediator"));
        UUID clause = clause(Fixtures.proposal(negotiation, us), "1", "territory");
        String path = "/api/v1/clauses/" + clause + "/positions/" + ua;
        var first = put(path, null, stance("under_review", null)).statusCode(201).extract();
        String etag = first.header("ETag");
        String id = first.path("id");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> writers = new ArrayList<>();
        for (String status : List.of("accepted", "rejected")) {
            writers.add(pool.submit(() -> {
                start.await();
                statuses.add(put(path, etag, stance(status, null)).extract().statusCode());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        Collections.sort(statuses);
        assertEquals(List.of(200, 412), statuses);
        assertEquals(2, count("select count(*) from position_change where position_id = ?", UUID.fromString(id)));
    }

    @Test
    void aLabelTakenBetweenTheCheckAndTheWriteGetsTheChecksConflict() throws Exception {
        UUID us = knownParty("us");
        UUID proposal = Fixtures.proposal(Fixtures.negotiation(Map.of(us, "mediator")), us);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = Fixtures.database()) {
            // Another writer has taken label 7 but not committed: the service's check cannot see it yet.
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("insert into clause (id, proposal_id, ordinal, label, topic, created_at, updated_at, version)"
                    + " values (?, ?, 99, '7', 'TERRITORY', now(), now(), 0)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, proposal);
                insert.executeUpdate();
            }
            Future<io.restassured.response.ExtractableResponse<io.restassured.response.Response>> adding = pool.submit(() ->
                    post("/api/v1/proposals/" + proposal + "/clauses", Map.of("label", "7", "topic", "territory")).extract());
            // The service has passed its check and waits on the unique key for the other writer's outcome.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into clause%'") == 0) {
                assertTrue(System.nanoTime() < deadline, "the clause insert never waited on the other writer");
                Thread.sleep(50);
            }
            other.commit();
            var response = adding.get(60, TimeUnit.SECONDS);
            assertEquals(409, response.statusCode());
            assertTrue(response.path("detail").toString().contains("already has a clause labelled '7'"), response.asString());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, count("select count(*) from clause where proposal_id = ?", proposal));
    }
}
