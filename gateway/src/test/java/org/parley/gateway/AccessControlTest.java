package org.parley.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.parley.devstack.SharedDevStack;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the gateway adds to access control, end to end through the real services: the audit trail of writes
 * made with a token, CORS for configured origins only, the rate limit per subject, and the body size cap.
 */
@QuarkusTest
class AccessControlTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static String bearer(String subject, String role) {
        return "Bearer " + SharedDevStack.tokens().token(subject, List.of(role), Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void writesThroughTheGatewayAreAuditedWithTheTokensSubjectAndTheReason() throws InterruptedException {
        String admin = "audit-admin-" + UUID.randomUUID();
        String analyst = "audit-analyst-" + UUID.randomUUID();
        String party = given().header("Authorization", bearer(admin, "admin")).header("X-Change-Reason", "joins the talks")
                .contentType("application/json")
                .body(Map.of("slug", "a" + UUID.randomUUID().toString().substring(0, 8), "name", "Audited state", "kind", "state", "conflictRole", "mediator"))
                .when().post("/api/v1/parties").then().statusCode(201).extract().path("id");

        // party-service's change reaches the one trail with its event.
        JsonPath partyEntry = awaitEntries("subject=" + admin);
        assertEquals(party, partyEntry.getString("items[0].entityId"));
        assertEquals("party", partyEntry.getString("items[0].entityType"));
        assertEquals("joins the talks", partyEntry.getString("items[0].reason"));
        assertEquals("parley/party-service", partyEntry.getString("items[0].service"));
        assertEquals("/api/v1/parties/" + party, partyEntry.getString("items[0].links.entity"));

        Map<String, Object> talks = Map.of("title", "Audited talks", "parties", List.of(Map.of("partyId", party, "role", "mediator")));
        String negotiation = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (negotiation == null) {
            var created = given().header("Authorization", bearer(analyst, "analyst")).header("X-Change-Reason", "opened after the Miami meeting")
                    .contentType("application/json").body(talks).when().post("/api/v1/negotiations").then().extract();
            if (created.statusCode() == 201) {
                negotiation = created.path("id");
            } else {
                assertEquals(422, created.statusCode(), created.asString());
                assertTrue(System.nanoTime() < deadline, "negotiation-service never learnt of the party");
                Thread.sleep(200);
            }
        }
        JsonPath entry = awaitEntries("subject=" + analyst);
        assertEquals(negotiation, entry.getString("items[0].entityId"));
        assertEquals("org.parley.negotiation.opened.v1", entry.getString("items[0].action"));
        assertEquals("opened after the Miami meeting", entry.getString("items[0].reason"));
        assertEquals("/api/v1/audit?entity=" + negotiation, entry.getString("items[0].links.history"));

        given().queryParam("entity", negotiation).when().get("/api/v1/audit").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).body("items[0].subject", equalTo(analyst));
        given().queryParam("entity_type", "nonsense").when().get("/api/v1/audit").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static JsonPath awaitEntries(String query) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String reader = bearer("audit-reader-" + UUID.randomUUID(), "viewer");
        while (true) {
            JsonPath page = given().header("Authorization", reader).when().get("/api/v1/audit?" + query).then().statusCode(200).extract().jsonPath();
            if (!page.getList("items").isEmpty()) {
                return page;
            }
            assertTrue(System.nanoTime() < deadline, "no audit entry for " + query);
            Thread.sleep(300);
        }
    }

    @Test
    void aPreflightFromAConfiguredOriginPassesAndAnyOtherGetsNoCorsHeaders() {
        given().header("Origin", "https://desk.parley.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-change-reason")
                .when().options("/api/v1/negotiations").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://desk.parley.example"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("X-Change-Reason"));

        // Without Access-Control-Allow-Origin the browser refuses; Quarkus still lists its methods, which grants nothing.
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/negotiations").then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
    }

    @Test
    void aSubjectPastItsRateLimitGets429WithRetryAfterAndOthersAreNotHeldUp() {
        String busy = bearer("rate-" + UUID.randomUUID(), "viewer");
        // The stream refuses this filter at once (400): the guard's budget is spent without touching a service.
        int allowed = 0;
        String retryAfter = null;
        for (int i = 0; i < 250 && retryAfter == null; i++) {
            var response = given().header("Authorization", busy).queryParam("severity", "urgent").when().get("/api/v1/alerts/stream")
                    .then().extract();
            if (response.statusCode() == 429) {
                retryAfter = response.header("Retry-After");
                assertEquals("application/problem+json", response.contentType());
            } else {
                assertEquals(400, response.statusCode());
                allowed++;
            }
        }
        // The test profile allows a burst of 200 per subject, refilled at 200 an hour: a few more trickle in meanwhile.
        assertTrue(allowed >= 200 && allowed < 210, "allowed " + allowed);
        assertNotNull(retryAfter, "past the limit: 429");
        assertTrue(Integer.parseInt(retryAfter) >= 1, retryAfter);

        given().header("Authorization", bearer("rate-other-" + UUID.randomUUID(), "viewer")).queryParam("severity", "urgent")
                .when().get("/api/v1/alerts/stream").then().statusCode(400);
    }

    @Test
    void aBodyOverTheCapIsRefusedWith413BeforeItReachesAService() {
        String tooLong = "x".repeat(70 * 1024);
        given().header("Authorization", bearer("big-" + UUID.randomUUID(), "analyst")).contentType("application/json")
                .body(Map.of("title", tooLong, "parties", List.of()))
                .when().post("/api/v1/negotiations").then()
                .statusCode(413).contentType("application/problem+json").body("detail", containsString("at most 65536"));
    }
}
