package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

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
import static org.parley.negotiation.Fixtures.clause;
import static org.parley.negotiation.Fixtures.count;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.put;
import static org.parley.negotiation.Fixtures.stance;

/** Two writers with the same ETag, at the same moment: one wins, the other gets 412, and history has one entry. */
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
}
