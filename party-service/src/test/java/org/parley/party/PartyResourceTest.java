package org.parley.party;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.parley.party.Fixtures.createParty;
import static org.parley.party.Fixtures.party;
import static org.parley.party.Fixtures.uniqueSlug;

@QuarkusTest
class PartyResourceTest {

    @Test
    void registersAPartyWithLocationAndETag() {
        String slug = uniqueSlug("ua");
        Map<String, Object> body = party(slug, "Ukraine", "state", "belligerent");
        body.put("isoCode", "UA");
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/parties")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("slug", equalTo(slug))
                .body("name", equalTo("Ukraine"))
                .body("kind", equalTo("state"))
                .body("isoCode", equalTo("UA"))
                .body("conflictRole", equalTo("belligerent"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith("/api/v1/parties/" + id));

        given().when().get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("slug", equalTo(slug))
                .body("updatedAt", equalTo(created.path("updatedAt")));
    }

    @Test
    void updatedSinceReadsATimestampWithAnyOffsetOrADateInclusively() {
        String slug = uniqueSlug("ch");
        String id = createParty(party(slug, "Switzerland", "state", "mediator")).path("id");
        Instant updated = Instant.parse(given().when().get("/api/v1/parties/" + id).then().extract().path("updatedAt"));
        java.time.LocalDate today = updated.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        // The same reading as negotiation-service's: a date means its start (UTC), an offset is honoured, the bound is inclusive.
        for (String since : List.of(today.toString(), updated.toString(), updated.atOffset(java.time.ZoneOffset.ofHours(2)).toString())) {
            given().queryParam("updated_since", since).queryParam("sort", "-updatedAt").queryParam("size", 200).when().get("/api/v1/parties")
                    .then().statusCode(200).body("items.id", hasItem(id));
        }
        given().queryParam("updated_since", today.plusDays(1).toString()).when().get("/api/v1/parties")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void findsAPartyBySlug() {
        String slug = uniqueSlug("eu");
        String id = createParty(party(slug, "European Union", "bloc", "stakeholder")).path("id");
        given().when().get("/api/v1/parties/by-slug/" + slug)
                .then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("kind", equalTo("bloc"))
                .body("isoCode", nullValue());
    }

    @Test
    void replacesAPartyAndBumpsItsVersion() {
        String slug = uniqueSlug("us");
        ExtractableResponse<Response> created = createParty(party(slug, "United States", "state", "mediator"));
        String id = created.path("id");
        Map<String, Object> changed = party(uniqueSlug("usa"), "United States of America", "state", "guarantor");
        changed.put("isoCode", "USA");

        ExtractableResponse<Response> updated = given().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(changed)
                .when().put("/api/v1/parties/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("United States of America"))
                .body("slug", equalTo(changed.get("slug")))
                .body("isoCode", equalTo("USA"))
                .body("conflictRole", equalTo("guarantor"))
                .body("version", equalTo(1))
                .extract();
        assertNotEquals(created.<String>path("updatedAt"), updated.<String>path("updatedAt"));

        given().when().get("/api/v1/parties/" + id).then().statusCode(200).header("ETag", "\"1\"").body("conflictRole", equalTo("guarantor"));
        given().when().get("/api/v1/parties/by-slug/" + slug).then().statusCode(404);
    }

    @Test
    void aPutThatChangesNothingKeepsTheVersion() {
        Map<String, Object> body = party(uniqueSlug("fr"), "France", "state", "stakeholder");
        String id = createParty(body).path("id");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/v1/parties/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("version", equalTo(0));
    }

    @Test
    void removesAPartyNoEnvoyRefersTo() {
        String id = createParty(party(uniqueSlug("cn"))).path("id");
        given().when().delete("/api/v1/parties/" + id).then().statusCode(204);
        given().when().get("/api/v1/parties/" + id).then().statusCode(404);
    }

    @Test
    void removesWithAMatchingIfMatch() {
        String id = createParty(party(uniqueSlug("tr"))).path("id");
        given().header("If-Match", "\"0\"").when().delete("/api/v1/parties/" + id).then().statusCode(204);
    }

    @Test
    void listsFilteredByKindAndRoleSortedAndPaged() {
        Instant start = Instant.now().minusSeconds(1);
        String tag = uniqueSlug("lst");
        createParty(party(tag + "-b", "B " + tag, "international_organisation", "observer"));
        createParty(party(tag + "-a", "A " + tag, "international_organisation", "observer"));
        createParty(party(tag + "-c", "C " + tag, "international_organisation", "mediator"));
        createParty(party(tag + "-d", "D " + tag, "non_state_actor", "observer"));

        List<String> slugs = given().queryParam("kind", "international_organisation").queryParam("role", "observer")
                .queryParam("updated_since", start.toString()).queryParam("size", 200)
                .when().get("/api/v1/parties")
                .then().statusCode(200)
                .body("items.kind", everyItem(equalTo("international_organisation")))
                .body("items.conflictRole", everyItem(equalTo("observer")))
                .body("size", equalTo(200))
                .extract().path("items.slug");
        List<String> ours = slugs.stream().filter(s -> s.startsWith(tag)).toList();
        assertEquals(List.of(tag + "-a", tag + "-b"), ours);

        List<String> descending = given().queryParam("kind", "international_organisation").queryParam("updated_since", start.toString())
                .queryParam("sort", "-slug").queryParam("size", 200)
                .when().get("/api/v1/parties")
                .then().statusCode(200).extract().path("items.slug");
        assertEquals(List.of(tag + "-c", tag + "-b", tag + "-a"), descending.stream().filter(s -> s.startsWith(tag)).toList());

        given().queryParam("updated_since", start.toString()).queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/v1/parties")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("nextPageToken", org.hamcrest.Matchers.notNullValue())
                .body("size", equalTo(1));
    }

    @Test
    void updatedSinceLeavesOutOlderChanges() {
        String old = createParty(party(uniqueSlug("old"))).path("slug");
        Instant after = Instant.now().plusSeconds(3600);
        given().queryParam("updated_since", after.toString())
                .when().get("/api/v1/parties")
                .then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty())
                .body("items.slug", not(hasItem(old)));
    }

    @Test
    void sortsByUpdatedAtDescending() {
        Instant start = Instant.now().minusSeconds(1);
        String first = createParty(party(uniqueSlug("first"))).path("slug");
        String second = createParty(party(uniqueSlug("second"))).path("slug");
        List<String> slugs = given().queryParam("updated_since", start.toString()).queryParam("sort", "-updatedAt").queryParam("size", 200)
                .when().get("/api/v1/parties").then().statusCode(200).extract().path("items.slug");
        assertEquals(true, slugs.indexOf(second) < slugs.indexOf(first), () -> "newest first: " + slugs);
    }

    @Test
    void pagingDefaultsTo50() {
        given().when().get("/api/v1/parties").then().statusCode(200).body("size", equalTo(50)).body("totalSize", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void locationIsAbsolute() {
        given().contentType(ContentType.JSON).body(party(uniqueSlug("loc")))
                .when().post("/api/v1/parties")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.startsWith("http")).header("Location", not(endsWith("/")));
    }
}
