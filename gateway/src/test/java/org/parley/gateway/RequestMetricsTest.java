package org.parley.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Proxied requests are measured by their path's template, not one meter per id: the gateway's
 * {@code quarkus.micrometer.binder.http-server.match-patterns}, one per templated path of the API description.
 */
@QuarkusTest
class RequestMetricsTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
    private static final Pattern PATH = Pattern.compile("^  (/api/v1/\\S+):$", Pattern.MULTILINE);

    @Test
    void everyTemplatedPathOfTheApiIsMeasuredUnderItsTemplate() throws IOException {
        Matcher paths = PATH.matcher(Files.readString(ParleyServicesResource.ROOT.resolve("docs/openapi.yaml")));
        int templated = 0;
        while (paths.find()) {
            String template = paths.group(1);
            String concrete = PARAMETER.matcher(template).replaceAll(m -> m.group().equals("{slug}") ? "ukraine" : UUID.randomUUID().toString());
            assertEquals(template, measuredAs(concrete), concrete);
            templated += template.contains("{") ? 1 : 0;
        }
        assertEquals(22, templated, "templated paths in docs/openapi.yaml; a new one needs its match pattern");
    }

    @Test
    void idsAndSlugsBecomePlaceholdersAndOtherSegmentsStay() {
        String proposal = "e144506a-cd2e-470b-9be8-62d77760ccb3";
        String party = "20CCE3D4-4140-44F4-A2E1-690C8C9F718F";
        assertEquals("/api/v1/proposals/{id}/positions/{partyId}/history",
                measuredAs("/api/v1/proposals/" + proposal + "/positions/" + party + "/history"));
        assertEquals("/api/v1/parties/by-slug/{slug}", measuredAs("/api/v1/parties/by-slug/ukraine"));
        assertEquals("/api/v1/proposals/{id}", measuredAs("/api/v1/proposals/" + proposal));
        // Not an id: a list, a literal segment, the alert stream beside /alerts/{id}.
        assertEquals("/api/v1/proposals", measuredAs("/api/v1/proposals"));
        assertEquals("/api/v1/proposals/{id}/clauses/order", measuredAs("/api/v1/proposals/" + proposal + "/clauses/order"));
        assertEquals("/api/v1/alerts/stream", measuredAs("/api/v1/alerts/stream"));
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

    /** The uri tag Quarkus gives a path: the first whole-path pattern that matches, in the configured order. */
    private static String measuredAs(String path) {
        Map<Pattern, String> patterns = new LinkedHashMap<>();
        List<String> entries = ConfigProvider.getConfig().getValues("quarkus.micrometer.binder.http-server.match-patterns", String.class);
        for (String entry : entries) {
            int split = entry.indexOf('=');
            patterns.put(Pattern.compile(entry.substring(0, split).strip()), entry.substring(split + 1).strip());
        }
        return patterns.entrySet().stream().filter(e -> e.getKey().matcher(path).matches()).map(Map.Entry::getValue).findFirst().orElse(path);
    }
}
