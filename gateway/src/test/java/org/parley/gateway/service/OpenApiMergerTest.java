package org.parley.gateway.service;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.junit.jupiter.api.Test;
import org.parley.gateway.routing.RoutingTable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules that make the build fail rather than publish an ambiguous API description. */
class OpenApiMergerTest {

    private static final String BASE = """
            openapi: 3.1.0
            info: {title: Parley API, version: 1.0.0}
            servers: [{url: 'http://localhost:8080'}]
            tags:
              - {name: Envoys, description: People who speak for a party.}
            """;

    private static final String PROBLEM = """
            Problem:
              type: object
              properties:
                title: {type: string}
                status: {type: integer, format: int32}
            """;

    private final OpenApiMerger merger = new OpenApiMerger(RoutingTable.parley());

    private static OpenAPI document(String paths, String schemas) {
        return OpenApiDocuments.parse("""
                openapi: 3.1.0
                info: {title: a service, version: '1'}
                tags:
                  - {name: Parties, description: States and blocs.}
                paths:
                %s
                components:
                  schemas:
                %s
                """.formatted(paths.indent(2), schemas.indent(4)));
    }

    private static String operation(String path, String operationId, String tag) {
        return """
                %s:
                  get:
                    operationId: %s
                    tags: [%s]
                    responses:
                      '200': {description: ok}
                """.formatted(path, operationId, tag);
    }

    private OpenAPI merge(OpenAPI party, OpenAPI negotiation) {
        return merger.merge(OpenApiDocuments.parse(BASE), List.of(
                new OpenApiMerger.Source(RoutingTable.PARTY_SERVICE, party),
                new OpenApiMerger.Source(RoutingTable.NEGOTIATION_SERVICE, negotiation)));
    }

    @Test
    void mergesPathsTagsAndIdenticalSchemasIntoOneDocument() {
        OpenAPI merged = merge(
                document(operation("/api/v1/parties", "listParties", "Parties") + operation("/api/v1/envoys", "listEnvoys", "Envoys"),
                        PROBLEM + "PartyView: {type: object}\n"),
                document(operation("/api/v1/negotiations", "listNegotiations", "Negotiations"),
                        PROBLEM + "NegotiationView: {type: object}\n"));

        assertEquals("Parley API", merged.getInfo().getTitle());
        assertEquals("http://localhost:8080", merged.getServers().get(0).getUrl());
        assertEquals(List.of("/api/v1/envoys", "/api/v1/negotiations", "/api/v1/parties"), List.copyOf(merged.getPaths().getPathItems().keySet()));
        assertEquals(List.of("NegotiationView", "PartyView", "Problem"), List.copyOf(merged.getComponents().getSchemas().keySet()),
                "the Problem both services define alike is there once");
        assertEquals(List.of("Envoys", "Negotiations", "Parties"), merged.getTags().stream().map(t -> t.getName()).toList());
        assertEquals("People who speak for a party.", merged.getTags().get(0).getDescription(), "the base describes a tag no service describes");
        assertEquals("States and blocs.", merged.getTags().get(2).getDescription());
        String yaml = OpenApiDocuments.toYaml(merged);
        assertEquals(OpenApiDocuments.tree(yaml), OpenApiDocuments.tree(OpenApiDocuments.toYaml(OpenApiDocuments.parse(yaml))), "it round-trips");
    }

    @Test
    void aDuplicateOperationIdIsRefused() {
        OpenApiMerger.ConflictException conflict = assertThrows(OpenApiMerger.ConflictException.class, () -> merge(
                document(operation("/api/v1/parties", "list", "Parties"), PROBLEM),
                document(operation("/api/v1/negotiations", "list", "Negotiations"), PROBLEM)));

        assertEquals(List.of("operationId 'list' is used by both party-service GET /api/v1/parties and negotiation-service GET /api/v1/negotiations"),
                conflict.conflicts());
    }

    @Test
    void twoDifferentSchemasWithOneNameAreRefused() {
        OpenApiMerger.ConflictException conflict = assertThrows(OpenApiMerger.ConflictException.class, () -> merge(
                document(operation("/api/v1/parties", "listParties", "Parties"), PROBLEM + "PartyRef: {type: object, properties: {slug: {type: string}}}\n"),
                document(operation("/api/v1/negotiations", "listNegotiations", "Negotiations"), PROBLEM + "PartyRef: {type: object, properties: {id: {type: string}}}\n")));

        assertEquals(List.of("schema 'PartyRef' is defined differently by party-service and negotiation-service"), conflict.conflicts());
    }

    @Test
    void anOperationWithoutIdIsRefused() {
        OpenApiMerger.ConflictException conflict = assertThrows(OpenApiMerger.ConflictException.class, () -> merge(
                document(operation("/api/v1/parties", "listParties", "Parties"), PROBLEM),
                document(operation("/api/v1/negotiations", "''", "Negotiations"), PROBLEM)));

        assertEquals(List.of("negotiation-service GET /api/v1/negotiations has no operationId"), conflict.conflicts());
    }

    @Test
    void aPathDocumentedByAServiceTheGatewayDoesNotRouteItToIsRefused() {
        OpenApiMerger.ConflictException conflict = assertThrows(OpenApiMerger.ConflictException.class, () -> merge(
                document(operation("/api/v1/parties", "listParties", "Parties"), PROBLEM),
                document(operation("/api/v1/envoys/known", "listKnownEnvoys", "Negotiations"), PROBLEM)));

        assertTrue(conflict.conflicts().contains("negotiation-service documents /api/v1/envoys/known, but the gateway routes that path to party-service"),
                conflict.getMessage());
    }
}
