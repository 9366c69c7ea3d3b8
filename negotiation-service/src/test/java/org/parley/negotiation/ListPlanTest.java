package org.parley.negotiation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.negotiation.Fixtures.knownEnvoy;
import static org.parley.negotiation.Fixtures.knownParty;
import static org.parley.negotiation.Fixtures.negotiation;

/**
 * The plans PostgreSQL makes of the statements the lists really send (captured by {@link SentStatements}), on a few
 * thousand rows: what keeps a list's cost from growing with the table (docs/performance.md, "Session 5: lists at
 * scale"). P6 of the benchmark measures the same at 1,000,000 rows.
 */
@QuarkusTest
class ListPlanTest {

    private static final int ROWS = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A page of the sync walk starts its index scan at the page token's (change_xid, id), rather than reading (and
     * filtering out) every row the walk has already passed: rows written by one transaction share their change_xid,
     * so without the row comparison a page 1,000 rows into them reads those 1,000 first.
     */
    @Test
    void aSyncWalkPageStartsAtItsCursorInTheIndex() throws Exception {
        UUID talks = negotiation(Map.of(knownParty("walk-a"), "principal", knownParty("walk-b"), "principal"));
        Fixtures.sql("""
                insert into incident (id, negotiation_id, occurred_on, date_precision, kind, sources, created_at, updated_at, version)
                select gen_random_uuid(), ?, date '2020-01-01' + g / 100, 'EXACT_DAY', 'MISSILE_STRIKE', '[{"publication": "test"}]',
                       now(), now(), 0
                from generate_series(1, %d) g""".formatted(ROWS), talks);
        Fixtures.sql("analyze incident");

        String token = null;
        String lastId = null;
        for (int page = 0; page < 5; page++) {
            JsonNode body = JSON.readTree(walk(token).get("/api/v1/incidents").then().statusCode(200).extract().asString());
            JsonNode items = body.path("items");
            lastId = items.get(items.size() - 1).path("id").asText();
            token = body.path("nextPageToken").asText();
        }
        long lastXid = Fixtures.count("select change_xid from incident where id = ?", UUID.fromString(lastId));

        SentStatements.clear();
        walk(token).get("/api/v1/incidents").then().statusCode(200);
        List<String> sent = SentStatements.containing("from incident", "change_xid", "order by");
        assertEquals(1, sent.size(), "the walk's statement: " + sent);
        String sql = sent.get(0);
        assertTrue(Pattern.compile("\\(\\w+\\.change_xid,\\s*\\w+\\.id\\)\\s*>\\s*\\(\\?,\\s*\\?\\)").matcher(sql).find(),
                "the cursor is a row comparison: " + sql);

        // The parameters in the order the statement has them: the horizon, the cursor, the offset (0), the page (one row more).
        JsonNode plan = explain(sql, Long.MAX_VALUE, lastXid, "'" + lastId + "'", 0, 201);
        assertFalse(nodeTypes(plan).stream().anyMatch(type -> type.contains("Sort")), "no sort: " + plan);
        JsonNode scan = scanOf(plan, "incident");
        assertEquals("incident_change", scan.path("Index Name").asText(), plan.toString());
        assertTrue(scan.path("Index Cond").asText().contains("ROW(change_xid, id) >"), "the cursor bounds the index scan: " + plan);
        assertTrue(scan.path("Rows Removed by Filter").asLong() == 0, "no row before the cursor is read: " + plan);
        assertTrue(scan.path("Actual Rows").asLong() <= 201, plan.toString());

        // The deletions are walked beside the rows, in the same order, and as directly.
        List<String> deletions = SentStatements.containing("from tombstone");
        assertEquals(1, deletions.size(), "the walk's tombstone statement: " + deletions);
        JsonNode tombstones = explain(deletions.get(0), "'incident'", Long.MAX_VALUE, lastXid, "'" + lastId + "'", 201);
        assertFalse(nodeTypes(tombstones).stream().anyMatch(type -> type.contains("Sort")), "no sort: " + tombstones);
        assertTrue(scanOf(tombstones, "tombstone").path("Index Cond").asText().contains("ROW(change_xid, id) >"), tombstones.toString());
    }

    /**
     * A page by offset in the default order (the date, undated last, then creation, then the id) steps over the rows
     * it skips in an index in that order, reading only their ids, and fetches its own rows by id: no sort, and no
     * whole row read for a skipped one. Before, only the day was in index order, and every row up to the page was
     * read and sorted; newest first (undated rows still last) read and sorted the whole table.
     */
    @Test
    void aPageByOffsetStepsOverTheSkippedRowsInAnIndexInTheListsOrder() throws Exception {
        UUID ru = knownParty("order-ru");
        UUID talks = negotiation(Map.of(ru, "principal", knownParty("order-ua"), "principal"));
        UUID envoy = knownEnvoy(ru, "An Envoy");
        Fixtures.sql("""
                insert into incident (id, negotiation_id, occurred_on, date_precision, kind, sources, created_at, updated_at, version)
                select gen_random_uuid(), ?, date '2020-01-01' + g / 100, 'EXACT_DAY', 'MISSILE_STRIKE', '[{"publication": "test"}]',
                       now(), now(), 0
                from generate_series(1, %d) g""".formatted(ROWS), talks);
        Fixtures.sql("""
                insert into statement (id, negotiation_id, envoy_id, party_id, quote, said_on, said_on_precision, sources, created_at, updated_at, version)
                select gen_random_uuid(), ?, ?, ?, 'Quote ' || g, date '2020-01-01' + g / 100, 'EXACT_DAY', '[{"publication": "test"}]',
                       now(), now(), 0
                from generate_series(1, %d) g""".formatted(ROWS), talks, envoy, ru);
        Fixtures.sql("analyze incident");
        Fixtures.sql("analyze statement");

        Map<String, String> dateSort = Map.of("incident", "occurredOn", "statement", "saidOn");
        for (String list : List.of("incident", "statement")) {
            // Oldest first (the default), then newest first, which keeps undated rows last too and has its own index.
            for (String sort : List.of(dateSort.get(list), "-" + dateSort.get(list))) {
                String index = list + (sort.startsWith("-") ? "_dated_newest" : "_dated");
                SentStatements.clear();
                given().queryParam("page", 10).queryParam("size", 50).queryParam("sort", sort).get("/api/v1/" + list + "s").then().statusCode(200);
                List<String> ids = SentStatements.containing("from " + list, "order by", "offset");
                assertEquals(1, ids.size(), "the statement of the page's ids: " + ids);
                assertTrue(ids.get(0).matches("select \\w+\\.id from .*"), ids.get(0));
                // The parameters: the offset, then the page (one row more).
                JsonNode plan = explain(ids.get(0), 500, 51);
                assertFalse(nodeTypes(plan).stream().anyMatch(type -> type.contains("Sort")), sort + ", no sort: " + plan);
                assertEquals(index, scanOf(plan, list).path("Index Name").asText(), sort + ": " + plan);
                assertEquals(1, SentStatements.containing("from " + list, " in (").size(), "the page's rows by id: " + SentStatements.containing("from " + list));
            }
        }
    }

    /**
     * The deferred pages (ids first, then the rows) hold the same rows in the same order as one statement does (the
     * first page is read in one), in every order of the list, with undated rows and rows that tie on everything but
     * the id.
     */
    @Test
    void aDeferredPageHoldsWhatOneStatementReads() {
        UUID talks = negotiation(Map.of(knownParty("same-a"), "principal", knownParty("same-b"), "principal"));
        Fixtures.sql("""
                insert into incident (id, negotiation_id, occurred_on, date_precision, kind, sources, created_at, updated_at, version)
                select gen_random_uuid(), ?, case when g % 5 = 0 then null else date '2020-01-01' + g % 7 end,
                       case when g % 5 = 0 then 'UNKNOWN' else 'EXACT_DAY' end, 'MISSILE_STRIKE',
                       '[{"publication": "test"}]', timestamptz '2026-01-01' + make_interval(secs => g % 3), now(), 0
                from generate_series(1, 60) g""", talks);
        for (String sort : List.of("occurredOn", "-occurredOn", "createdAt", "-createdAt", "updatedAt", "-updatedAt")) {
            List<String> whole = given().queryParam("negotiation", talks.toString()).queryParam("sort", sort).queryParam("size", 200)
                    .get("/api/v1/incidents").then().statusCode(200).extract().jsonPath().getList("items.id");
            assertEquals(60, whole.size());
            List<String> paged = new ArrayList<>();
            for (int page = 1; page <= 9; page++) {
                paged.addAll(given().queryParam("negotiation", talks.toString()).queryParam("sort", sort).queryParam("size", 7)
                        .queryParam("page", page).get("/api/v1/incidents").then().statusCode(200).extract().jsonPath().getList("items.id"));
            }
            assertEquals(whole.subList(7, 60), paged, sort);
        }
    }

    private static RequestSpecification walk(String token) {
        RequestSpecification request = given().queryParam("sort", "changes").queryParam("size", 200);
        return token == null ? request : request.queryParam("page_token", token);
    }

    /** EXPLAIN ANALYZE of a statement as Hibernate sent it, with its parameters (SQL literals) in their order. */
    private static JsonNode explain(String sql, Object... parameters) throws SQLException, java.io.IOException {
        Matcher placeholder = Pattern.compile("\\?").matcher(sql);
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        while (placeholder.find()) {
            placeholder.appendReplacement(numbered, "\\$" + ++n);
        }
        placeholder.appendTail(numbered);
        assertEquals(parameters.length, n, "parameters of " + sql);
        List<String> values = new ArrayList<>();
        for (Object parameter : parameters) {
            values.add(String.valueOf(parameter));
        }
        try (Connection c = Fixtures.database(); Statement s = c.createStatement()) {
            s.execute("prepare listed as " + numbered);
            try (ResultSet r = s.executeQuery("explain (analyze, format json) execute listed(" + String.join(", ", values) + ")")) {
                r.next();
                return JSON.readTree(r.getString(1)).get(0).path("Plan");
            }
        }
    }

    private static List<String> nodeTypes(JsonNode plan) {
        List<String> types = new ArrayList<>();
        types.add(plan.path("Node Type").asText());
        for (JsonNode child : plan.path("Plans")) {
            types.addAll(nodeTypes(child));
        }
        return types;
    }

    private static JsonNode scanOf(JsonNode plan, String table) {
        if (table.equals(plan.path("Relation Name").asText())) {
            return plan;
        }
        for (JsonNode child : plan.path("Plans")) {
            JsonNode found = scanOf(child, table);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
