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

    /**
     * The guarded updates of negotiations, proposals and clauses no longer repeat 400/412/415/428: their If-Match is
     * declared required and ContractFilter adds them. A position's PUT also creates, so its If-Match stays optional.
     */
    @Test
    void guardedUpdatesRequireIfMatchAndKeepTheirRefusals() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
        for (String operation : List.of("'/api/v1/negotiations/{id}'.put", "'/api/v1/proposals/{id}'.put", "'/api/v1/proposals/{id}/status'.post",
                "'/api/v1/proposals/{id}/clauses/order'.put", "'/api/v1/clauses/{id}'.put")) {
            Map<String, Object> responses = doc.getMap("paths." + operation + ".responses");
            assertTrue(responses.keySet().containsAll(List.of("200", "400", "404", "412", "415", "428")), operation + ": " + responses.keySet());
            assertEquals(List.of(true), ifMatchRequired(doc, operation), operation);
        }
        for (String operation : List.of("'/api/v1/clauses/{id}/positions/{partyId}'.put", "'/api/v1/proposals/{id}/positions/{partyId}'.put")) {
            Map<String, Object> responses = doc.getMap("paths." + operation + ".responses");
            assertTrue(responses.keySet().containsAll(List.of("200", "201", "400", "412", "415", "428")), operation + ": " + responses.keySet());
            assertEquals(List.of(false), ifMatchRequired(doc, operation), operation);
        }
        for (String list : List.of("negotiations", "proposals", "positions", "alerts", "audit")) {
            assertTrue(doc.getMap("paths.'/api/v1/" + list + "'.get.responses").containsKey("400"), list);
        }
    }

    private static List<Boolean> ifMatchRequired(JsonPath doc, String operation) {
        List<Map<String, Object>> parameters = doc.getList("paths." + operation + ".parameters");
        return parameters.stream().filter(p -> "If-Match".equals(p.get("name"))).map(p -> Boolean.TRUE.equals(p.get("required"))).toList();
    }
}
