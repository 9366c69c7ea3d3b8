package org.parley.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.party.Fixtures.createParty;
import static org.parley.party.Fixtures.envoy;
import static org.parley.party.Fixtures.newEnvoy;
import static org.parley.party.Fixtures.newParty;
import static org.parley.party.Fixtures.party;
import static org.parley.party.Fixtures.uniqueSlug;

/**
 * Two writers who read the same version: whichever way their requests interleave (one after the other, or
 * both past the If-Match check before either commits), exactly one wins and the other gets 412.
 */
@QuarkusTest
class ConcurrencyTest {

    @Test
    void twoPartyUpdatesWithTheSameETagOneGets412() throws Exception {
        String id = createParty(party(uniqueSlug("race"))).path("id");
        List<Integer> statuses = race(name -> given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(party(uniqueSlug("race"), name, "state", "mediator"))
                .put("/api/v1/parties/" + id).statusCode());
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
        given().get("/api/v1/parties/" + id).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void twoEnvoyUpdatesWithTheSameETagOneGets412() throws Exception {
        UUID party = newParty();
        UUID id = newEnvoy(party, "Racing Envoy");
        List<Integer> statuses = race(name -> given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(envoy(party, name, List.of(), "official", "2025-01-01", null))
                .put("/api/v1/envoys/" + id).statusCode());
        assertEquals(List.of(200, 412), statuses.stream().sorted().toList());
    }

    @Test
    void sequentialUpdatesWithTheSameETagOneGets412() {
        Map<String, Object> body = party(uniqueSlug("seq"));
        String id = createParty(body).path("id");
        body.put("name", "First writer");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/api/v1/parties/" + id).then().statusCode(200);
        body.put("name", "Second writer");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).put("/api/v1/parties/" + id).then().statusCode(412);
        given().get("/api/v1/parties/" + id).then().body("name", equalTo("First writer"));
    }

    private static List<Integer> race(java.util.function.Function<String, Integer> update) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (String writer : List.of("Writer A", "Writer B")) {
                Callable<Integer> call = () -> {
                    start.await();
                    return update.apply(writer);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
