package org.parley.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.parley.party.Fixtures.createEnvoy;
import static org.parley.party.Fixtures.createParty;
import static org.parley.party.Fixtures.envoy;
import static org.parley.party.Fixtures.newEnvoy;
import static org.parley.party.Fixtures.newParty;
import static org.parley.party.Fixtures.party;
import static org.parley.party.Fixtures.uniqueSlug;

/** Every refusal is an RFC 9457 problem, and a refused write leaves what is stored as it was. */
@QuarkusTest
class ErrorPathsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"slug\": \"ua\", ").when().post("/api/v1/parties")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("title", equalTo("Malformed request body"))
                .body("instance", equalTo("/api/v1/parties"));
        given().contentType(ContentType.JSON).body("[1, 2]").when().post("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void emptyBodyIs400() {
        given().contentType(ContentType.JSON).when().post("/api/v1/parties")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unknownFieldIs400NamingIt() {
        Map<String, Object> body = party(uniqueSlug("x"));
        body.put("capital", "Kyiv");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/parties")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("capital"))
                .body("detail", containsString("capital"));
    }

    @Test
    void valueOutsideAVocabularyIs400ListingTheAllowedOnes() {
        Map<String, Object> body = party(uniqueSlug("x"), "X", "planet", "belligerent");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/parties")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("kind"))
                .body("detail", allOf(containsString("planet"), containsString("international_organisation"), containsString("non_state_actor")));
        Map<String, Object> envoy = envoy(newParty(), "Someone", List.of(), "HEAD_OF_STATE", "2025-01-01", null);
        given().contentType(ContentType.JSON).body(envoy).when().post("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("role"))
                .body("detail", containsString("head_of_state"));
    }

    @Test
    void wrongTypesAre400() {
        Map<String, Object> envoy = envoy(UUID.randomUUID(), "Someone", List.of(), "official", "2025-13-45", null);
        given().contentType(ContentType.JSON).body(envoy).when().post("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("mandateFrom"));
        envoy = envoy(UUID.randomUUID(), "Someone", List.of(), "official", "2025-01-01", null);
        envoy.put("partyId", "not-a-uuid");
        given().contentType(ContentType.JSON).body(envoy).when().post("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("partyId"));
        envoy.put("partyId", UUID.randomUUID().toString());
        envoy.put("aliases", "Steve");
        given().contentType(ContentType.JSON).body(envoy).when().post("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("aliases"));
    }

    @Test
    void invalidPartyFieldsAre400WithOneViolationEach() {
        Map<String, Object> body = party("Not A Slug", " ", "state", "belligerent");
        body.put("isoCode", "ukr");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/parties")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Invalid request"))
                .body("type", equalTo("https://parley.example/problems/validation"))
                .body("violations.field", hasItems("slug", "name", "isoCode"))
                .body("violations.size()", equalTo(3));
        Map<String, Object> missing = Map.of("slug", uniqueSlug("m"));
        given().contentType(ContentType.JSON).body(missing).when().post("/api/v1/parties")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("name", "kind", "conflictRole"));
    }

    @Test
    void invalidEnvoyFieldsAre400() {
        Map<String, Object> body = envoy(newParty(), "", List.of("ok", " "), "official", "2025-01-01", null);
        body.remove("partyId");
        body.put("title", "t".repeat(201));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("fullName", "partyId", "title"))
                .body("violations.field", hasItem(startsWith("aliases[1]")));
    }

    @Test
    void mandateFromAfterMandateToIs400OnMandateTo() {
        Map<String, Object> body = envoy(newParty(), "Backwards", List.of(), "official", "2025-06-01", "2025-05-31");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.size()", equalTo(1))
                .body("violations[0].field", equalTo("mandateTo"));
        UUID id = newEnvoy(newParty(), "Forwards");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body).when().put("/api/v1/envoys/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("mandateTo"));
    }

    @Test
    void endingAMandateBeforeItStartedIs400OnEndedOn() {
        UUID id = newEnvoy(newParty(), "Starts In 2025");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("endedOn", "2024-12-31"))
                .when().post("/api/v1/envoys/" + id + "/mandate-end")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", startsWith("endedOn: 2024-12-31 is before the start of the mandate (mandateFrom 2025-01-01)"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("reason", "no date"))
                .when().post("/api/v1/envoys/" + id + "/mandate-end")
                .then().statusCode(400).body("violations[0].field", equalTo("endedOn"));
        given().when().get("/api/v1/envoys/" + id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void unknownIdsAre404() {
        UUID nobody = UUID.randomUUID();
        given().when().get("/api/v1/parties/" + nobody).then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString(nobody.toString()));
        given().when().get("/api/v1/parties/by-slug/" + uniqueSlug("none")).then().statusCode(404).contentType(PROBLEM);
        given().when().delete("/api/v1/parties/" + nobody).then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(party(uniqueSlug("x")))
                .when().put("/api/v1/parties/" + nobody).then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/envoys/" + nobody).then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(envoy(newParty(), "N", List.of(), "official", "2025-01-01", null))
                .when().put("/api/v1/envoys/" + nobody).then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("endedOn", "2025-01-01"))
                .when().post("/api/v1/envoys/" + nobody + "/mandate-end").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/parties/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void duplicateSlugIs409() {
        String slug = uniqueSlug("dup");
        String first = createParty(party(slug)).path("id");
        given().contentType(ContentType.JSON).body(party(slug, "Another", "bloc", "observer")).when().post("/api/v1/parties")
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", allOf(containsString(slug), containsString(first)));

        String second = createParty(party(uniqueSlug("dup"))).path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(party(slug))
                .when().put("/api/v1/parties/" + second)
                .then().statusCode(409).contentType(PROBLEM);
        given().when().get("/api/v1/parties/" + second).then().statusCode(200).header("ETag", "\"0\"").body("slug", not(equalTo(slug)));
    }

    @Test
    void deletingAPartyEnvoysReferToIs409NamingThem() {
        UUID party = newParty();
        UUID witkoff = newEnvoy(party, "Steven Witkoff");
        newEnvoy(party, "Jared Kushner");
        given().when().delete("/api/v1/parties/" + party)
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", allOf(containsString("Steven Witkoff"), containsString("Jared Kushner"), containsString(witkoff.toString())));
        given().when().get("/api/v1/parties/" + party).then().statusCode(200);
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        Map<String, Object> body = party(uniqueSlug("st"));
        String id = createParty(body).path("id");
        body.put("name", "Changed");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body).when().put("/api/v1/parties/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        given().header("If-Match", "\"7\"").when().delete("/api/v1/parties/" + id).then().statusCode(412).contentType(PROBLEM);
        given().when().get("/api/v1/parties/" + id).then().statusCode(200).header("ETag", "\"0\"").body("name", not(equalTo("Changed")));

        UUID envoy = newEnvoy(newParty(), "Stale Reader");
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(envoy(newParty(), "X", List.of(), "official", "2025-01-01", null))
                .when().put("/api/v1/envoys/" + envoy).then().statusCode(412).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(Map.of("endedOn", "2025-02-01"))
                .when().post("/api/v1/envoys/" + envoy + "/mandate-end").then().statusCode(412).contentType(PROBLEM);
    }

    @Test
    void missingIfMatchIs428() {
        Map<String, Object> body = party(uniqueSlug("nm"));
        String id = createParty(body).path("id");
        given().contentType(ContentType.JSON).body(body).when().put("/api/v1/parties/" + id)
                .then().statusCode(428).contentType(PROBLEM);
        UUID envoy = newEnvoy(newParty(), "No Precondition");
        given().contentType(ContentType.JSON).body(envoy(newParty(), "X", List.of(), "official", "2025-01-01", null))
                .when().put("/api/v1/envoys/" + envoy).then().statusCode(428).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("endedOn", "2025-02-01"))
                .when().post("/api/v1/envoys/" + envoy + "/mandate-end").then().statusCode(428).contentType(PROBLEM);
    }

    @Test
    void wrongMediaTypeIs415() {
        given().contentType(ContentType.TEXT).body("slug=ua").when().post("/api/v1/parties")
                .then().statusCode(415).contentType(PROBLEM);
        given().contentType(ContentType.XML).body("<envoy/>").when().post("/api/v1/envoys")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void envoyOfAnUnknownPartyIs422NamingTheId() {
        UUID nobody = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(envoy(nobody, "Orphan", List.of(), "official", "2025-01-01", null))
                .when().post("/api/v1/envoys")
                .then().statusCode(422).contentType(PROBLEM)
                .body("detail", containsString(nobody.toString()));
        UUID envoy = newEnvoy(newParty(), "Staying Put");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(envoy(nobody, "Staying Put", List.of(), "official", "2025-01-01", null))
                .when().put("/api/v1/envoys/" + envoy)
                .then().statusCode(422).contentType(PROBLEM).body("detail", containsString(nobody.toString()));
        given().when().get("/api/v1/envoys/" + envoy).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void badListParametersAre400NamingTheParameter() {
        given().queryParam("size", 500).when().get("/api/v1/parties")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("size"));
        given().queryParam("size", 0).when().get("/api/v1/envoys")
                .then().statusCode(400).body("violations.field", hasItem("size"));
        given().queryParam("size", "abc").when().get("/api/v1/envoys")
                .then().statusCode(400).body("violations.field", hasItem("size"));
        given().queryParam("page", -1).when().get("/api/v1/parties")
                .then().statusCode(400).body("violations.field", hasItem("page"));
        given().queryParam("kind", "planet").when().get("/api/v1/parties")
                .then().statusCode(400).body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("international_organisation"));
        given().queryParam("role", "king").when().get("/api/v1/parties")
                .then().statusCode(400).body("violations[0].field", equalTo("role"));
        given().queryParam("role", "king").when().get("/api/v1/envoys")
                .then().statusCode(400).body("violations[0].field", equalTo("role"));
        given().queryParam("updated_since", "yesterday").when().get("/api/v1/parties")
                .then().statusCode(400).body("violations[0].field", equalTo("updated_since"));
        given().queryParam("active_on", "2025-02-30").when().get("/api/v1/envoys")
                .then().statusCode(400).body("violations[0].field", equalTo("active_on"));
        given().queryParam("sort", "population").when().get("/api/v1/parties")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().queryParam("sort", "name").when().get("/api/v1/envoys")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().queryParam("party", "Not A Party!").when().get("/api/v1/envoys")
                .then().statusCode(400).body("violations[0].field", equalTo("party"));
        given().queryParam("q", "x".repeat(201)).when().get("/api/v1/envoys")
                .then().statusCode(400).body("violations[0].field", equalTo("q"));
    }

    @Test
    void textPostgresCannotStoreIs400NotA500() {
        Map<String, Object> body = party(uniqueSlug("nul"), "Bad\u0000Name", "state", "observer");
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/parties")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(envoy(newParty(), "Nul Alias", List.of("Fine", "Nul\u0000Alias"), "official", "2025-01-01", null))
                .when().post("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("aliases[1]"));
        given().contentType(ContentType.JSON).body(envoy(newParty(), "Line\nBreak", List.of(), "official", "2025-01-01", null))
                .when().post("/api/v1/envoys")
                .then().statusCode(400).body("violations.field", hasItem("fullName"));
        UUID id = newEnvoy(newParty(), "Reasonable");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("endedOn", "2025-02-01", "reason", "a\u0000b"))
                .when().post("/api/v1/envoys/" + id + "/mandate-end").then().statusCode(400).body("violations[0].field", equalTo("reason"));
        given().when().get("/api/v1/parties/by-slug/a%00b").then().statusCode(404);
        given().queryParam("q", "wit\u0000koff").when().get("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("q"));
        given().when().get("/api/v1/envoys/" + id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void datesPostgresCannotStoreAre400NotA500() {
        Map<String, Object> envoy = envoy(newParty(), "Far Future", List.of(), "official", "+9999999-01-01", null);
        given().contentType(ContentType.JSON).body(envoy).when().post("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("mandateFrom"));
        given().queryParam("updated_since", "+999999999-01-01T00:00:00Z").when().get("/api/v1/parties")
                .then().statusCode(400).body("violations[0].field", equalTo("updated_since"));
        given().queryParam("active_on", "+9999999-01-01").when().get("/api/v1/envoys")
                .then().statusCode(400).body("violations[0].field", equalTo("active_on"));
        given().contentType(ContentType.JSON).body(envoy(newParty(), "Year Ten Thousand", List.of(), "official", "2025-01-01", "+10000-01-01"))
                .when().post("/api/v1/envoys")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("mandateTo"));
        UUID id = newEnvoy(newParty(), "Ends Far Ahead");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("endedOn", "+10000-01-01"))
                .when().post("/api/v1/envoys/" + id + "/mandate-end")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("endedOn"));
        given().when().get("/api/v1/envoys/" + id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void wrongMethodIs405() {
        given().when().delete("/api/v1/envoys/" + UUID.randomUUID()).then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void aRefusedEnvoyWriteLeavesNothingBehind() {
        UUID party = newParty();
        given().contentType(ContentType.JSON).body(envoy(party, "Never Stored", List.of(), "official", "2025-06-01", "2025-01-01"))
                .when().post("/api/v1/envoys").then().statusCode(400);
        given().queryParam("party", party.toString()).when().get("/api/v1/envoys").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        createEnvoy(envoy(party, "Stored", List.of(), "official", "2025-01-01", null));
        given().queryParam("party", party.toString()).when().get("/api/v1/envoys").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1));
    }
}
