package org.parley.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.party.Fixtures.createEnvoy;
import static org.parley.party.Fixtures.createParty;
import static org.parley.party.Fixtures.envoy;
import static org.parley.party.Fixtures.newParty;
import static org.parley.party.Fixtures.party;
import static org.parley.party.Fixtures.uniqueSlug;

@QuarkusTest
class EnvoyResourceTest {

    @Test
    void appointsAnEnvoyWithLocationAndETag() {
        UUID us = newParty();
        Map<String, Object> body = envoy(us, "Steven Witkoff", List.of("Steve Witkoff"), "special_envoy", "2025-01-20", null);
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/envoys")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("partyId", equalTo(us.toString()))
                .body("fullName", equalTo("Steven Witkoff"))
                .body("aliases", contains("Steve Witkoff"))
                .body("title", equalTo("Title of Steven Witkoff"))
                .body("role", equalTo("special_envoy"))
                .body("mandateFrom", equalTo("2025-01-20"))
                .body("mandateTo", nullValue())
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/envoys/" + id));

        given().when().get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("fullName", equalTo("Steven Witkoff"))
                .body("updatedAt", equalTo(created.path("updatedAt")));
    }

    @Test
    void appointsWithoutAliasesOrTitle() {
        Map<String, Object> body = envoy(newParty(), "Rustem Umerov", null, "chief_negotiator", "2025-11-01", null);
        body.remove("aliases");
        body.remove("title");
        createEnvoy(body);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/envoys")
                .then().statusCode(201).body("aliases", emptyIterable()).body("title", nullValue());
    }

    @Test
    void replacesAnEnvoyAndMovesThemToAnotherParty() {
        UUID ru = newParty();
        UUID other = newParty();
        String id = createEnvoy(envoy(ru, "Yuri Ushakov", List.of(), "adviser", "2012-05-21", null)).path("id");
        Map<String, Object> changed = envoy(other, "Yury Ushakov", List.of("Yuri Ushakov"), "foreign_minister", "2012-05-21", "2030-01-01");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(changed)
                .when().put("/api/v1/envoys/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("fullName", equalTo("Yury Ushakov"))
                .body("aliases", contains("Yuri Ushakov"))
                .body("partyId", equalTo(other.toString()))
                .body("role", equalTo("foreign_minister"))
                .body("mandateTo", equalTo("2030-01-01"))
                .body("version", equalTo(1));
        given().when().get("/api/v1/envoys/" + id).then().statusCode(200).header("ETag", "\"1\"").body("partyId", equalTo(other.toString()));
    }

    @Test
    void endsAMandate() {
        String id = createEnvoy(envoy(newParty(), "Andriy Yermak", List.of("Andrii Yermak"), "chief_negotiator", "2020-02-11", null)).path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("endedOn", "2025-11-28", "reason", "Resigned"))
                .when().post("/api/v1/envoys/" + id + "/mandate-end")
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("mandateTo", equalTo("2025-11-28"))
                .body("mandateEndReason", equalTo("Resigned"));
        // Nothing left to end.
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("endedOn", "2025-12-01"))
                .when().post("/api/v1/envoys/" + id + "/mandate-end")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void endsAPlannedMandateEarlyWithoutAReason() {
        String id = createEnvoy(envoy(newParty(), "Planned End", List.of(), "official", "2024-01-01", "2027-01-01")).path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("endedOn", "2025-06-30"))
                .when().post("/api/v1/envoys/" + id + "/mandate-end")
                .then().statusCode(200).body("mandateTo", equalTo("2025-06-30")).body("mandateEndReason", nullValue());
    }

    @Test
    void appointsWithoutAKnownMandateStartWhichCountsAsActive() {
        String slug = uniqueSlug("cn");
        UUID cn = UUID.fromString(createParty(party(slug)).path("id"));
        Map<String, Object> body = envoy(cn, "Xi Jinping", List.of("Xi"), "head_of_state", null, null);
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/envoys")
                .then().statusCode(201).body("mandateFrom", nullValue());
        given().queryParam("party", slug).queryParam("active_on", "2024-03-15").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.fullName", contains("Xi Jinping"));
    }

    @Test
    void filtersByPartyIdOrSlugRoleAndActiveOn() {
        String slug = uniqueSlug("ua");
        UUID ua = UUID.fromString(createParty(party(slug)).path("id"));
        createEnvoy(envoy(ua, "Volodymyr Zelenskyy", List.of("Zelensky"), "head_of_state", "2019-05-20", null));
        createEnvoy(envoy(ua, "Rustem Umerov", List.of(), "chief_negotiator", "2025-11-01", null));
        createEnvoy(envoy(ua, "Dmytro Kuleba", List.of(), "foreign_minister", "2020-03-04", "2024-09-05"));

        given().queryParam("party", ua.toString()).when().get("/api/v1/envoys")
                .then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(3))
                .body("items.fullName", contains("Dmytro Kuleba", "Rustem Umerov", "Volodymyr Zelenskyy"));
        given().queryParam("party", slug).queryParam("role", "chief_negotiator").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.fullName", contains("Rustem Umerov"));
        given().queryParam("party", slug).queryParam("active_on", "2025-12-02").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.fullName", contains("Rustem Umerov", "Volodymyr Zelenskyy"));
        given().queryParam("party", slug).queryParam("active_on", "2024-09-05").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.fullName", contains("Dmytro Kuleba", "Volodymyr Zelenskyy"));
        given().queryParam("party", slug).queryParam("sort", "-mandateFrom").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.fullName", contains("Rustem Umerov", "Dmytro Kuleba", "Volodymyr Zelenskyy"));
        given().queryParam("party", slug).queryParam("size", 2).queryParam("page", 1).when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.fullName", contains("Volodymyr Zelenskyy")).body("nextPageToken", org.hamcrest.Matchers.nullValue());
        given().queryParam("party", uniqueSlug("nobody")).when().get("/api/v1/envoys")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void updatedSinceLeavesOutOlderChanges() {
        UUID party = newParty();
        createEnvoy(envoy(party, "Earlier Envoy", List.of(), "official", "2025-01-01", null));
        given().queryParam("party", party.toString()).queryParam("updated_since", Instant.now().plusSeconds(3600).toString())
                .when().get("/api/v1/envoys").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        given().queryParam("party", party.toString()).queryParam("updated_since", "2000-01-01T00:00:00+02:00")
                .when().get("/api/v1/envoys").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void nameSearchKnowsShortFormsAndAliases() {
        UUID us = newParty();
        String steven = createEnvoy(envoy(us, "Steven Witkoff", List.of(), "special_envoy", "2025-01-20", null)).path("id");
        String jared = createEnvoy(envoy(us, "Jared Kushner", List.of("J. Kushner"), "adviser", "2025-11-01", null)).path("id");
        UUID other = newParty();
        String aliased = createEnvoy(envoy(other, "Steve Witkoff", List.of("Steven Witkoff", "Steven Charles Witkoff"), "special_envoy", "2025-01-20", null)).path("id");

        // "Steve" is the start of "Steven": the short form finds the full one.
        given().queryParam("party", us.toString()).queryParam("q", "Steve Witkoff").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", contains(steven));
        // And the full form finds an envoy stored under the short form through an alias.
        given().queryParam("party", other.toString()).queryParam("q", "steven witkoff").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", contains(aliased));
        // Case, accents and punctuation do not matter; word order does not either.
        given().queryParam("party", us.toString()).queryParam("q", "WITKÖFF, steve").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", contains(steven));
        given().queryParam("party", us.toString()).queryParam("q", "kush").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", contains(jared));
        // Across parties, both Witkoffs are found.
        given().queryParam("q", "Steve Witkoff").queryParam("size", 200).when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItems(steven, aliased));
        // Every word must match within one name: "Steven Kushner" is nobody.
        given().queryParam("party", us.toString()).queryParam("q", "Steven Kushner").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        // A word like none of the name's words, by start, spelling or sound, finds nothing.
        given().queryParam("party", us.toString()).queryParam("q", "koff").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        // A query of punctuation alone filters nothing out.
        given().queryParam("party", us.toString()).queryParam("q", " - ").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", containsInAnyOrder(steven, jared));
    }

    @Test
    void nameSearchAllowsForTheWaysANameIsWritten() {
        UUID ua = newParty();
        String zelensky = createEnvoy(envoy(ua, "Volodymyr Zelenskyy", List.of(), "head_of_state", "2019-05-20", null)).path("id");
        String witkoff = createEnvoy(envoy(ua, "Steve Witkoff", List.of(), "special_envoy", "2025-01-20", null)).path("id");
        String troger = createEnvoy(envoy(ua, "Jean-Pierre Tröger", List.of(), "spokesperson", "2025-01-20", null)).path("id");

        // The seed article's short form is found from the full one: the case this search could not do.
        given().queryParam("party", ua.toString()).queryParam("q", "Steven Witkoff").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", contains(witkoff));
        // Transliterations: by sound (Vladimir for Volodymyr) and by spelling (Zelensky, Zelenskiy for Zelenskyy).
        for (String query : List.of("Vladimir Zelensky", "volodymyr zelenskiy")) {
            given().queryParam("party", ua.toString()).queryParam("q", query).when().get("/api/v1/envoys")
                    .then().statusCode(200).body("items.id", contains(zelensky));
        }
        UUID ru = newParty();
        String putin = createEnvoy(envoy(ru, "Vladimir Putin", List.of(), "head_of_state", "2000-05-07", null)).path("id");
        for (String query : List.of("Wladimir Putin", "Volodymyr Putin")) {
            given().queryParam("party", ru.toString()).queryParam("q", query).when().get("/api/v1/envoys")
                    .then().statusCode(200).body("items.id", contains(putin));
        }
        // Diacritics either way.
        given().queryParam("party", ua.toString()).queryParam("q", "jean pierre troger").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", contains(troger));
        given().queryParam("party", ua.toString()).queryParam("q", "Zelénskyy").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", contains(zelensky));
    }

    @Test
    void nameSearchHandlesNonLatinNames() {
        UUID ru = newParty();
        String id = createEnvoy(envoy(ru, "Vladimir Putin", List.of("Владимир Путин"), "head_of_state", "2000-05-07", null)).path("id");
        given().queryParam("party", ru.toString()).queryParam("q", "влад пут").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", contains(id));
        given().queryParam("party", ru.toString()).queryParam("q", "ВЛАДИМИР").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", contains(id));
    }

    @Test
    void nameSearchFollowsAnUpdate() {
        UUID party = newParty();
        String id = createEnvoy(envoy(party, "Kirill Dmitriev", List.of(), "special_envoy", "2025-02-01", null)).path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(envoy(party, "Kirill Dmitriev", List.of("Kirill Aleksandrovich Dmitriev"), "special_envoy", "2025-02-01", null))
                .when().put("/api/v1/envoys/" + id).then().statusCode(200);
        given().queryParam("party", party.toString()).queryParam("q", "kirill aleks").when().get("/api/v1/envoys")
                .then().statusCode(200).body("items.id", contains(id));
    }
}
