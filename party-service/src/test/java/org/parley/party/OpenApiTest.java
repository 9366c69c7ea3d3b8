package org.parley.party;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenAPI document is what SDKs are generated from: every operation must be named, tagged and documented. */
@QuarkusTest
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationHasAUniqueIdATagASummaryAndProblemResponses() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<String> operationIds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                if (!op.hasNonNull("operationId")) {
                    problems.add(where + ": no operationId");
                } else {
                    operationIds.add(op.get("operationId").asText());
                }
                if (!op.hasNonNull("summary")) {
                    problems.add(where + ": no summary");
                }
                if (!op.has("tags") || op.get("tags").isEmpty()) {
                    problems.add(where + ": no tag");
                }
                if (op.has("requestBody") && op.at("/requestBody/content/application~1json/examples").isMissingNode()) {
                    problems.add(where + ": request body without an example");
                }
                for (Map.Entry<String, JsonNode> response : op.get("responses").properties()) {
                    if (response.getKey().startsWith("4") && response.getValue().at("/content/application~1problem+json/schema").isMissingNode()) {
                        problems.add(where + ": response " + response.getKey() + " is not a problem document");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(operationIds.size(), new HashSet<>(operationIds).size(), () -> "operationIds repeat: " + operationIds);
        assertTrue(operationIds.containsAll(List.of("createParty", "listParties", "getParty", "getPartyBySlug", "updateParty", "deleteParty",
                "createEnvoy", "listEnvoys", "getEnvoy", "updateEnvoy", "endEnvoyMandate")), () -> "operationIds: " + operationIds);
    }

    /** The resources annotate only what is particular to them; api-support's ContractFilter declares the rest. */
    @Test
    void theStandardStatusesAreDeclaredWithoutTheResourcesRepeatingThem() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()).get("paths");
        Map<String, List<String>> expected = Map.of(
                "/api/v1/parties/post", List.of("201", "400", "409", "415"),
                "/api/v1/parties/get", List.of("200", "400"),
                "/api/v1/parties/{id}/put", List.of("200", "400", "404", "409", "412", "415", "428"),
                "/api/v1/parties/{id}/delete", List.of("204", "400", "404", "409", "412"),
                "/api/v1/envoys/post", List.of("201", "400", "415", "422"),
                "/api/v1/envoys/{id}/put", List.of("200", "400", "404", "412", "415", "422", "428"),
                "/api/v1/envoys/{id}/mandate-end/post", List.of("200", "400", "404", "409", "412", "415", "428"));
        for (Map.Entry<String, List<String>> operation : expected.entrySet()) {
            String key = operation.getKey();
            String path = key.substring(0, key.lastIndexOf('/'));
            JsonNode responses = paths.get(path).get(key.substring(key.lastIndexOf('/') + 1)).get("responses");
            Set<String> declared = new HashSet<>();
            responses.fieldNames().forEachRemaining(declared::add);
            assertTrue(declared.containsAll(operation.getValue()), () -> key + " declares " + declared);
        }
        for (JsonNode parameter : paths.get("/api/v1/parties/{id}").get("delete").get("parameters")) {
            if ("If-Match".equals(parameter.path("name").asText())) {
                assertTrue(!parameter.path("required").asBoolean(), "If-Match stays optional on a delete");
            }
        }
    }

    /**
     * api-support's AccessControlOpenApi runs at build time; it must then already see the security requirements
     * the roles give each operation, or the 401 and 403 would silently vanish from the document.
     */
    @Test
    void everySecuredOperationDeclaresTheAccessRefusals() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()).get("paths");
        List<String> secured = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode op = operation.getValue();
                if (!METHODS.contains(operation.getKey()) || op.path("security").isEmpty()) {
                    continue;
                }
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                secured.add(where);
                for (String status : List.of("401", "403")) {
                    if (op.at("/responses/" + status + "/content/application~1problem+json/schema").isMissingNode()) {
                        problems.add(where + ": no " + status + " problem");
                    }
                }
            }
        }
        assertTrue(secured.size() >= 11, () -> "secured operations: " + secured);
        assertEquals(List.of(), problems);
    }

    @Test
    void schemasAreNamedForThisServiceAndEnumsUseWireValues() throws Exception {
        JsonNode schemas = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()).get("components").get("schemas");
        for (String name : List.of("PartyPage", "EnvoyPage", "Party", "PartyInput", "Envoy", "EnvoyInput", "EnvoyMandateEnd", "PartyKind", "EnvoyRole", "Problem")) {
            assertTrue(schemas.has(name), () -> "no schema " + name + " in " + schemas.fieldNames());
        }
        Set<String> shared = Set.of("Problem", "Violation", "Deletion", "UUID", "Instant", "LocalDate");
        schemas.fieldNames().forEachRemaining(name -> assertTrue(shared.contains(name) || name.startsWith("Party") || name.startsWith("Envoy"),
                () -> "schema " + name + " is not named for party-service"));
        assertTrue(schemas.get("EnvoyRole").get("enum").toString().contains("head_of_state"), schemas.get("EnvoyRole")::toString);
        assertTrue(schemas.get("PartyKind").get("enum").toString().contains("international_organisation"), schemas.get("PartyKind")::toString);
    }

    @Test
    void thePageSchemasDescribeWhatTheListsReturn() throws Exception {
        JsonNode schemas = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString()).get("components").get("schemas");
        for (Map.Entry<String, String> list : Map.of("PartyPage", "/api/v1/parties", "EnvoyPage", "/api/v1/envoys").entrySet()) {
            JsonNode page = new ObjectMapper().readTree(given().get(list.getValue()).then().statusCode(200).extract().asString());
            Set<String> returned = new HashSet<>();
            page.fieldNames().forEachRemaining(returned::add);
            Set<String> documented = new HashSet<>();
            schemas.get(list.getKey()).get("properties").fieldNames().forEachRemaining(documented::add);
            assertEquals(returned, documented, list.getKey());
        }
    }
}
