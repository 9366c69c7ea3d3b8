package org.parley.negotiation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The document SDKs are generated from: every operation named, tagged, summarised, with its problems and examples. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationIsNamedTaggedAndDocumented() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            for (var operation : path.getValue().entrySet()) {
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                Map<String, Object> op = operation.getValue();
                String id = (String) op.get("operationId");
                assertNotNull(id, where + " has no operationId");
                assertTrue(operationIds.add(id), "duplicate operationId " + id);
                assertFalse(((List<?>) op.get("tags")).isEmpty(), where + " has no tag");
                assertNotNull(op.get("summary"), where + " has no summary");
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                for (var response : responses.entrySet()) {
                    if (response.getKey().startsWith("4")) {
                        assertTrue(String.valueOf(response.getValue().get("content")).contains("application/problem+json"),
                                where + " " + response.getKey() + " is not a problem document");
                    }
                }
                if (op.containsKey("requestBody")) {
                    assertTrue(String.valueOf(op.get("requestBody")).contains("examples"), where + " has no request example");
                }
                operations++;
            }
        }
        assertEquals(44, operations, operationIds.toString()); // 28, 7 for statements, incidents and the timeline, 2 for alerts, 1 audit, 1 search, 5 exports
        Map<String, Object> schemas = doc.getMap("components.schemas");
        for (String name : schemas.keySet()) {
            assertFalse(name.startsWith("Party") || name.startsWith("Envoy"), name + " belongs to party-service's names");
        }
        assertTrue(schemas.containsKey("ProposalBoard") && schemas.containsKey("Source") && schemas.containsKey("Problem"), schemas.keySet().toString());
    }
}
