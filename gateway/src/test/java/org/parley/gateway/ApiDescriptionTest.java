package org.parley.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.gateway.service.OpenApiDocuments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The merged document the gateway serves, read from the real services, and its committed copy. */
@QuarkusTest
class ApiDescriptionTest {

    static final Path COMMITTED = ParleyServicesResource.ROOT.resolve("docs/openapi.yaml");
    static final String REFRESH = "If the change is intended, refresh the committed copy with "
            + "./mvnw -B verify -pl gateway -am -Dtest=ApiDescriptionTest -Dsurefire.failIfNoSpecifiedTests=false -Dparley.openapi.write=true "
            + "(with party-service and negotiation-service packaged) and commit docs/openapi.yaml.";

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        String served = given().when().get("/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("parley.openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served);
        }
        assertTrue(Files.isRegularFile(COMMITTED), COMMITTED + " is missing. " + REFRESH);

        List<String> differences = new ArrayList<>();
        diff("", OpenApiDocuments.tree(Files.readString(COMMITTED)), OpenApiDocuments.tree(served), differences);
        if (!differences.isEmpty()) {
            fail("The API the gateway serves differs from docs/openapi.yaml at " + differences.size() + " place(s):\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(20, differences.size())))
                    + (differences.size() > 20 ? "\n  ..." : "") + "\n" + REFRESH);
        }
    }

    @Test
    void servesYamlByDefaultAndJsonOnRequest() {
        given().when().get("/openapi")
                .then().statusCode(200).contentType(startsWith("application/yaml")).body(containsString("title: Parley API"));
        given().queryParam("format", "json").when().get("/openapi")
                .then().statusCode(200).contentType(startsWith("application/json")).body("info.title", equalTo("Parley API"));
        given().accept("application/json").when().get("/openapi")
                .then().statusCode(200).contentType(startsWith("application/json")).body("servers[0].url", equalTo("http://localhost:8080"));
    }

    @Test
    void anUnknownFormatIsAProblem() {
        given().queryParam("format", "xml").when().get("/openapi")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("yaml or json"));
    }

    @Test
    void everyOperationHasAUniqueIdAndADescribedTag() {
        JsonNode document = OpenApiDocuments.tree(given().queryParam("format", "json").when().get("/openapi").then().statusCode(200).extract().asString());
        Set<String> ids = new HashSet<>();
        Set<String> declaredTags = new HashSet<>();
        document.path("tags").forEach(tag -> {
            assertFalse(tag.path("description").asText().isBlank(), "tag " + tag.path("name").asText() + " has a description");
            declaredTags.add(tag.path("name").asText());
        });
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!operation.getValue().has("responses")) {
                return; // a path-level field such as parameters, not an operation
            }
            String where = operation.getKey().toUpperCase() + " " + path.getKey();
            String id = operation.getValue().path("operationId").asText();
            assertFalse(id.isBlank(), where + " has an operationId");
            assertTrue(ids.add(id), "operationId " + id + " is unique");
            operation.getValue().path("tags").forEach(tag -> assertTrue(declaredTags.contains(tag.asText()), where + ": tag " + tag + " is declared"));
        }));
        assertTrue(ids.contains("getApiDescription"), "the gateway's own operations are part of it");
        assertTrue(document.at("/components/schemas/Problem").isObject(), "the Problem schema every service shares is in it");
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200).body(containsString("url: '/openapi'"));
    }

    /** Where two documents differ, as JSON pointers, so that a failing build says what changed. */
    private static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String here = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    out.add(here + ": in docs/openapi.yaml, not served");
                } else if (!expected.has(name)) {
                    out.add(here + ": served, not in docs/openapi.yaml");
                } else {
                    diff(here, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(at + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else {
            out.add(at + ": docs/openapi.yaml has " + abbreviate(expected) + ", the gateway serves " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
