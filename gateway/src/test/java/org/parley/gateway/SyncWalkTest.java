package org.parley.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.parley.devstack.SharedDevStack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sync walk (docs/api.md, "Keeping a copy") through the gateway, against both real services on real
 * PostgreSQL and Kafka: every list that serves stored rows is copied by {@code sort=changes} while five writers
 * insert, update and delete, and each copy must end exactly equal to a full read of the list once the writes
 * have settled. The lists are those of parties, envoys, negotiations, meetings, proposals, a proposal's clauses,
 * positions, both kinds of position history, statements, incidents, alerts and the audit trail; the timeline and
 * the search are views over these lists (no rows of their own), so they have cursor pages but no sync walk.
 *
 * <p>The same run also keeps a copy of the parties the way docs/api.md used to recommend (offset pages over
 * {@code sort=updatedAt} from an {@code updated_since} watermark) and shows that it ends wrong: it never learns of
 * a deletion, and a row updated during its walk shifts others across page boundaries. Measured (the test prints
 * it; a loaded 2-core machine, 2 Dec 2026): 2 walk rounds of the 14 lists during the writes, 95 pages in all; every
 * sync copy exact (318 rows); the watermark copy of the parties held 17 rows, 8 of them deleted on the server.
 */
@QuarkusTest
class SyncWalkTest {

    private static final Map<String, Object> SOURCE = Map.of("publication", "Reuters", "url", "https://www.reuters.com/world/europe/example");
    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** Small pages, so that each walk spans many pages while the writers run. */
    private static final int PAGE = 7;

    /** A local copy of one list, kept by the sync walk: upsert by id, delete on a tombstone. */
    static final class SyncedCopy {
        final String path;
        final Map<String, Object> filters;
        final String idField;
        final Map<String, Map<String, Object>> rows = new TreeMap<>();
        /** The page token of the last page walked: the next catch-up starts there (its page is read again, harmlessly). */
        String resume;
        int pages;

        SyncedCopy(String path, Map<String, Object> filters, String idField) {
            this.path = path;
            this.filters = filters;
            this.idField = idField;
        }

        void catchUp() {
            String token = resume;
            while (true) {
                var request = api().queryParams(filters).queryParam("sort", "changes").queryParam("size", PAGE);
                if (token != null) {
                    request = request.queryParam("page_token", token);
                }
                JsonPath page = request.when().get(path).then().statusCode(200).extract().jsonPath();
                pages++;
                for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                    rows.put(String.valueOf(item.get(idField)), item);
                }
                for (Map<String, Object> deletion : page.<Map<String, Object>>getList("deletions")) {
                    rows.remove(String.valueOf(deletion.get("id")));
                }
                String next = page.getString("nextPageToken");
                if (next == null) {
                    resume = token;
                    return;
                }
                token = next;
            }
        }

        /** The list as it is now, by an ordinary sort (the writers have stopped). */
        Map<String, Map<String, Object>> fullRead() {
            Map<String, Map<String, Object>> all = new TreeMap<>();
            String token = null;
            do {
                var request = api().queryParams(filters).queryParam("size", 200);
                if (token != null) {
                    request = request.queryParam("page_token", token);
                }
                JsonPath page = request.when().get(path).then().statusCode(200).extract().jsonPath();
                page.<Map<String, Object>>getList("items").forEach(item -> all.put(String.valueOf(item.get(idField)), item));
                token = page.getString("nextPageToken");
            } while (token != null);
            return all;
        }
    }

    /** The recipe docs/api.md gave before the sync walk: offset pages over sort=updatedAt from a watermark. */
    static final class WatermarkCopy {
        final Map<String, Map<String, Object>> rows = new TreeMap<>();
        String watermark;

        void catchUp() {
            String highest = watermark;
            for (int page = 0; ; page++) {
                var request = api().queryParam("sort", "updatedAt").queryParam("size", PAGE).queryParam("page", page);
                if (watermark != null) {
                    request = request.queryParam("updated_since", watermark);
                }
                List<Map<String, Object>> items = request.when().get("/api/v1/parties").then().statusCode(200).extract().jsonPath().getList("items");
                for (Map<String, Object> item : items) {
                    rows.put((String) item.get("id"), item);
                    String updatedAt = (String) item.get("updatedAt");
                    highest = highest == null || Instant.parse(updatedAt).isAfter(Instant.parse(highest)) ? updatedAt : highest;
                }
                if (items.size() < PAGE) {
                    watermark = highest;
                    return;
                }
            }
        }
    }

    @Test
    void aSyncWalkDuringConcurrentWritesEndsWithExactlyTheServersState() throws Exception {
        // What the writers work under: two parties known to negotiation-service, an envoy, talks, a proposal with clauses.
        String russia = party("Russia");
        String ukraine = party("Ukraine");
        String envoy = created("/api/v1/envoys", envoyBody(ukraine, "Rustem Umerov")).path("id");
        String talks = awaitKnown(() -> api().contentType(ContentType.JSON).body(negotiationBody("Sync talks", russia, ukraine))
                .when().post("/api/v1/negotiations").then().extract());
        String plan = created("/api/v1/proposals", Map.of("negotiationId", talks, "title", "Sync plan", "sponsorPartyId", ukraine,
                "version", 1, "status", "draft", "sources", List.of(SOURCE))).path("id");
        List<String> clauses = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            clauses.add(created("/api/v1/proposals/" + plan + "/clauses", Map.of("label", "s" + i, "heading", "Clause " + i, "topic", "ceasefire")).path("id"));
        }
        Map<String, String> positionTags = new HashMap<>();
        for (String clause : clauses) {
            for (String party : List.of(russia, ukraine)) {
                positionTags.put(clause + "/" + party, put("/api/v1/clauses/" + clause + "/positions/" + party, null, stance("under_review")));
            }
        }
        String proposalStand = put("/api/v1/proposals/" + plan + "/positions/" + russia, null, stance("under_review"));
        awaitKnown(() -> api().contentType(ContentType.JSON).body(statementBody(talks, envoy, "first")).when().post("/api/v1/statements").then().extract());
        // Parties the party writer deletes once the walks are under way: every copy has seen them alive.
        List<String> doomed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            doomed.add(created("/api/v1/parties", partyBody("Doomed " + i)).path("id"));
        }

        List<SyncedCopy> copies = List.of(
                new SyncedCopy("/api/v1/parties", Map.of(), "id"),
                new SyncedCopy("/api/v1/envoys", Map.of(), "id"),
                new SyncedCopy("/api/v1/negotiations", Map.of(), "id"),
                new SyncedCopy("/api/v1/meetings", Map.of(), "id"),
                new SyncedCopy("/api/v1/proposals", Map.of(), "id"),
                new SyncedCopy("/api/v1/proposals/" + plan + "/clauses", Map.of(), "id"),
                new SyncedCopy("/api/v1/positions", Map.of(), "id"),
                new SyncedCopy("/api/v1/clauses/" + clauses.get(0) + "/positions/" + russia + "/history", Map.of(), "sequence"),
                new SyncedCopy("/api/v1/proposals/" + plan + "/positions/" + russia + "/history", Map.of(), "sequence"),
                new SyncedCopy("/api/v1/statements", Map.of("negotiation", talks), "id"),
                new SyncedCopy("/api/v1/incidents", Map.of(), "id"),
                new SyncedCopy("/api/v1/alerts", Map.of(), "id"),
                new SyncedCopy("/api/v1/audit", Map.of(), "eventId"),
                // A filtered walk: only this proposal's positions.
                new SyncedCopy("/api/v1/positions", Map.of("proposal", plan), "id"));
        WatermarkCopy oldRecipe = new WatermarkCopy();
        copies.forEach(SyncedCopy::catchUp);
        oldRecipe.catchUp();

        ExecutorService writers = Executors.newFixedThreadPool(5);
        List<Future<?>> done = new ArrayList<>();
        // The writers start once the walks are under way, so that the two overlap however the machine schedules them.
        CountDownLatch walking = new CountDownLatch(1);
        done.add(writers.submit(() -> {
            await(walking);
            for (String id : doomed) {
                api().when().delete("/api/v1/parties/" + id).then().statusCode(204);
            }
            for (int i = 0; i < 8; i++) {
                Map<String, Object> body = partyBody("Passing " + i);
                ExtractableResponse<Response> made = created("/api/v1/parties", body);
                body.put("name", "Renamed " + i);
                String tag = put("/api/v1/parties/" + made.path("id"), made.header("ETag"), body);
                if (i % 2 == 0) {
                    api().header("If-Match", tag).when().delete("/api/v1/parties/" + made.path("id")).then().statusCode(204);
                }
            }
        }));
        done.add(writers.submit(() -> {
            await(walking);
            for (int i = 0; i < 8; i++) {
                Map<String, Object> body = envoyBody(ukraine, "Envoy " + i);
                ExtractableResponse<Response> made = created("/api/v1/envoys", body);
                body.put("title", "Deputy " + i);
                put("/api/v1/envoys/" + made.path("id"), made.header("ETag"), body);
            }
        }));
        done.add(writers.submit(() -> {
            await(walking);
            for (int i = 0; i < 5; i++) {
                Map<String, Object> negotiation = negotiationBody("Side talks " + i, russia, ukraine);
                ExtractableResponse<Response> made = created("/api/v1/negotiations", negotiation);
                negotiation.put("status", "stalled");
                put("/api/v1/negotiations/" + made.path("id"), made.header("ETag"), negotiation);
                Map<String, Object> meeting = meetingBody(talks, "Round " + i);
                ExtractableResponse<Response> held = created("/api/v1/meetings", meeting);
                meeting.put("title", "Round " + i + " (held)");
                put("/api/v1/meetings/" + held.path("id"), held.header("ETag"), meeting);
                ExtractableResponse<Response> proposal = created("/api/v1/proposals", Map.of("negotiationId", talks, "title", "Counter " + i,
                        "sponsorPartyId", russia, "version", 1, "status", "draft", "sources", List.of(SOURCE)));
                api().contentType(ContentType.JSON).header("If-Match", proposal.header("ETag")).body(Map.of("status", "tabled"))
                        .when().post("/api/v1/proposals/" + proposal.path("id") + "/status").then().statusCode(200);
            }
        }));
        done.add(writers.submit(() -> {
            await(walking);
            List<String> statuses = List.of("contested", "rejected", "accepted_with_reservations", "accepted", "under_review");
            String stand = proposalStand;
            for (int i = 0; i < 5; i++) {
                for (String clause : clauses) {
                    for (String party : List.of(russia, ukraine)) {
                        String key = clause + "/" + party;
                        positionTags.put(key, put("/api/v1/clauses/" + key.replace("/", "/positions/"), positionTags.get(key), stance(statuses.get(i))));
                    }
                }
                stand = put("/api/v1/proposals/" + plan + "/positions/" + russia, stand, stance(statuses.get(i)));
                Map<String, Object> clause = new LinkedHashMap<>(Map.of("label", "w" + i, "heading", "Added " + i, "topic", "territory"));
                ExtractableResponse<Response> made = created("/api/v1/proposals/" + plan + "/clauses", clause);
                clause.put("heading", "Amended " + i);
                put("/api/v1/clauses/" + made.path("id"), made.header("ETag"), clause);
            }
        }));
        done.add(writers.submit(() -> {
            await(walking);
            for (int i = 0; i < 10; i++) {
                created("/api/v1/statements", statementBody(talks, envoy, "statement " + i));
                created("/api/v1/incidents", incidentBody(talks, russia, i));
            }
        }));

        // Walk every list again and again while the writers run.
        AtomicBoolean writing = new AtomicBoolean(true);
        int rounds = 0;
        while (writing.get()) {
            walking.countDown();
            copies.forEach(SyncedCopy::catchUp);
            oldRecipe.catchUp();
            rounds++;
            writing.set(done.stream().anyMatch(f -> !f.isDone()));
        }
        writers.shutdown();
        for (Future<?> writer : done) {
            writer.get();
        }

        // Once the writes have settled (alerts and party-service's audit entries follow by event), a catch-up walk
        // from where each copy stopped ends exactly at the server's state.
        long deadline = System.nanoTime() + SETTLE.toNanos();
        for (SyncedCopy copy : copies) {
            while (true) {
                copy.catchUp();
                Map<String, Map<String, Object>> server = copy.fullRead();
                if (server.equals(copy.rows)) {
                    break;
                }
                assertTrue(System.nanoTime() < deadline, () -> copy.path + " " + copy.filters + ": the copy differs from the server: "
                        + difference(copy.rows, server));
            }
            assertFalse(copy.rows.isEmpty(), copy.path);
        }
        Map<String, Map<String, Object>> parties = copies.get(0).rows;
        assertTrue(doomed.stream().noneMatch(parties::containsKey), "the sync walk delivered every deletion");

        // The old recipe, run alongside on the same writes, ends with deleted parties still in its copy.
        oldRecipe.catchUp();
        Map<String, Map<String, Object>> server = copies.get(0).fullRead();
        assertNotEquals(server, oldRecipe.rows, "the watermark recipe cannot see deletions");
        assertTrue(doomed.stream().allMatch(oldRecipe.rows::containsKey), "the watermark copy still holds the deleted parties");
        long stale = oldRecipe.rows.keySet().stream().filter(id -> !server.containsKey(id)).count();
        System.out.printf("SyncWalkTest: %d walk rounds during the writes, %d pages; sync copies exact for %d lists (%d rows); "
                        + "watermark copy of the parties: %d rows, %d of them deleted on the server%n", rounds,
                copies.stream().mapToInt(c -> c.pages).sum(), copies.size(), copies.stream().mapToInt(c -> c.rows.size()).sum(),
                oldRecipe.rows.size(), stale);
    }

    @Test
    void aPageTokenIsBoundToItsListFiltersAndSortAndCannotBeAltered() {
        for (int i = 0; i < 3; i++) {
            created("/api/v1/parties", partyBody("Token " + i));
        }
        String token = api().queryParam("size", 1).queryParam("sort", "changes").when().get("/api/v1/parties").then().statusCode(200)
                .extract().path("nextPageToken");
        api().queryParam("size", 1).queryParam("sort", "changes").queryParam("page_token", token).when().get("/api/v1/parties")
                .then().statusCode(200);
        // Another sort, other filters, another list, an edited token, and page with page_token: 400 invalid-page-token.
        api().queryParam("size", 1).queryParam("sort", "name").queryParam("page_token", token).when().get("/api/v1/parties")
                .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("https://parley.example/problems/invalid-page-token"));
        api().queryParam("size", 1).queryParam("sort", "changes").queryParam("kind", "state").queryParam("page_token", token)
                .when().get("/api/v1/parties").then().statusCode(400).body("type", equalTo("https://parley.example/problems/invalid-page-token"));
        api().queryParam("size", 1).queryParam("sort", "changes").queryParam("page_token", token).when().get("/api/v1/envoys")
                .then().statusCode(400).body("type", equalTo("https://parley.example/problems/invalid-page-token"));
        String edited = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        api().queryParam("size", 1).queryParam("sort", "changes").queryParam("page_token", edited).when().get("/api/v1/parties")
                .then().statusCode(400).body("type", equalTo("https://parley.example/problems/invalid-page-token"));
        api().queryParam("size", 1).queryParam("sort", "changes").queryParam("page_token", "not a token").when().get("/api/v1/parties")
                .then().statusCode(400).body("type", equalTo("https://parley.example/problems/invalid-page-token"));
        api().queryParam("size", 1).queryParam("page", 1).queryParam("sort", "changes").queryParam("page_token", token).when().get("/api/v1/parties")
                .then().statusCode(400);
        // The total is counted only when asked for.
        api().queryParam("size", 1).when().get("/api/v1/parties").then().statusCode(200).body("totalSize", equalTo(null));
        int total = api().queryParam("size", 1).queryParam("include_total", true).when().get("/api/v1/parties").then().statusCode(200)
                .extract().path("totalSize");
        assertTrue(total >= 3, "total " + total);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String difference(Map<String, Map<String, Object>> copy, Map<String, Map<String, Object>> server) {
        List<String> lines = new ArrayList<>();
        server.forEach((id, row) -> {
            if (!Objects.equals(copy.get(id), row)) {
                lines.add(copy.containsKey(id) ? "stale " + id : "missing " + id);
            }
        });
        copy.keySet().stream().filter(id -> !server.containsKey(id)).forEach(id -> lines.add("deleted on the server " + id));
        return lines.size() + " rows: " + lines.subList(0, Math.min(lines.size(), 10));
    }

    // --- writes through the gateway, as an admin (DevTokenForRestAssured) ---

    private static final AtomicLong REQUESTS = new AtomicLong();

    /**
     * A request as an admin. The gateway's test profile allows a subject 200 requests an hour (for the rate-limit
     * test), and this test sends thousands: a new subject every 100 requests keeps it out of the limiter's way.
     */
    private static RequestSpecification api() {
        String subject = "sync-walk-" + REQUESTS.getAndIncrement() / 100;
        return given().header("Authorization", "Bearer " + SharedDevStack.tokens()
                .token(subject, List.of("admin"), Instant.now().plus(Duration.ofHours(1))));
    }

    private static ExtractableResponse<Response> created(String path, Object body) {
        return api().contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(201).extract();
    }

    /** A PUT with If-Match (none for a first position); returns the new ETag. */
    private static String put(String path, String ifMatch, Object body) {
        var request = api().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        var response = request.when().put(path).then().extract();
        assertTrue(response.statusCode() == 200 || response.statusCode() == 201, path + ": " + response.statusCode() + " " + response.asString());
        return response.header("ETag");
    }

    /** A party, once negotiation-service knows it from party-service's events. */
    private static String party(String name) {
        String id = created("/api/v1/parties", partyBody(name)).path("id");
        awaitKnown(() -> api().contentType(ContentType.JSON).body(negotiationBody("Probe", id, id)).when().post("/api/v1/negotiations").then().extract());
        return id;
    }

    /** Retries a write that names something negotiation-service learns of by event (422 until it has). */
    private static String awaitKnown(Supplier<ExtractableResponse<Response>> write) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            ExtractableResponse<Response> response = write.get();
            if (response.statusCode() == 201) {
                return response.path("id");
            }
            assertEquals(422, response.statusCode(), response.asString());
            assertTrue(System.nanoTime() < deadline, "negotiation-service never learnt of the reference: " + response.asString());
        }
    }

    private static Map<String, Object> partyBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", "s" + UUID.randomUUID().toString().substring(0, 12));
        body.put("name", name);
        body.put("kind", "state");
        body.put("conflictRole", "stakeholder");
        return body;
    }

    private static Map<String, Object> envoyBody(String party, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", name);
        body.put("title", "Envoy");
        body.put("partyId", party);
        body.put("role", "special_envoy");
        body.put("mandateFrom", "2025-01-01");
        return body;
    }

    private static Map<String, Object> negotiationBody(String title, String a, String b) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("status", "active");
        body.put("parties", a.equals(b) ? List.of(Map.of("partyId", a, "role", "principal"))
                : List.of(Map.of("partyId", a, "role", "principal"), Map.of("partyId", b, "role", "principal")));
        return body;
    }

    private static Map<String, Object> meetingBody(String negotiation, String title) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("negotiationId", negotiation);
        body.put("title", title);
        body.put("startsAt", "2025-12-02T16:00:00Z");
        body.put("format", "in_person");
        body.put("sources", List.of(SOURCE));
        return body;
    }

    private static Map<String, Object> stance(String status) {
        return Map.of("status", status, "sources", List.of(SOURCE));
    }

    private static Map<String, Object> statementBody(String negotiation, String envoy, String quote) {
        return Map.of("negotiationId", negotiation, "envoyId", envoy, "quote", quote, "saidOnPrecision", "unknown", "sources", List.of(SOURCE));
    }

    private static Map<String, Object> incidentBody(String negotiation, String party, int i) {
        return Map.of("negotiationId", negotiation, "occurredOn", "2025-11-" + (10 + i), "place", Map.of("city", "Kherson", "country", "Ukraine"),
                "kind", "drone_strike", "attributedToPartyId", party, "sources", List.of(SOURCE));
    }
}
