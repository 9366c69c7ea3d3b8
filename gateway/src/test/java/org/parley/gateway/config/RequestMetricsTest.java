package org.parley.gateway.config;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Proxied requests are measured by their path's template, not one meter per id (see {@link RequestMetrics}). */
@QuarkusTest
class RequestMetricsTest {

    @Test
    void idsAndSlugsBecomePlaceholdersAndOtherSegmentsStay() {
        String proposal = "e144506a-cd2e-470b-9be8-62d77760ccb3";
        String party = "20CCE3D4-4140-44F4-A2E1-690C8C9F718F";
        assertEquals("/api/v1/proposals/{id}/positions/{id}/history",
                RequestMetrics.template("/api/v1/proposals/" + proposal + "/positions/" + party + "/history"));
        assertEquals("/api/v1/parties/by-slug/{slug}", RequestMetrics.template("/api/v1/parties/by-slug/ukraine"));
        assertEquals("/api/v1/proposals/{id}", RequestMetrics.template("/api/v1/proposals/" + proposal));
        // Not an id: a list, a literal segment, a UUID-like prefix of a longer segment.
        assertEquals("/api/v1/proposals", RequestMetrics.template("/api/v1/proposals"));
        assertEquals("/api/v1/proposals/{id}/clauses/order", RequestMetrics.template("/api/v1/proposals/" + proposal + "/clauses/order"));
        assertEquals("/api/v1/x/" + proposal + "x", RequestMetrics.template("/api/v1/x/" + proposal + "x"));
    }

    @Test
    void aRequestForOneResourceIsCountedUnderItsTemplate() {
        String slug = "metrics-" + Long.toHexString(System.nanoTime());
        String id = given().contentType("application/json")
                .body("{\"slug\":\"" + slug + "\",\"name\":\"Metered\",\"kind\":\"state\",\"conflictRole\":\"stakeholder\"}")
                .post("/api/v1/parties").then().statusCode(201).extract().path("id");
        given().get("/api/v1/parties/" + id).then().statusCode(200);
        given().get("/api/v1/parties/by-slug/" + slug).then().statusCode(200);

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("uri=\"/api/v1/parties/{id}\""))
                .body(containsString("uri=\"/api/v1/parties/by-slug/{slug}\""))
                .body(not(containsString(id)))
                .body(not(containsString(slug)));
    }
}
