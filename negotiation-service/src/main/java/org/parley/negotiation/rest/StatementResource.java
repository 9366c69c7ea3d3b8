package org.parley.negotiation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.api.Page;
import org.parley.api.Pager;
import org.parley.api.Paging;
import org.parley.api.Responses;
import org.parley.api.Roles;
import org.parley.negotiation.mapping.StatementMapper;
import org.parley.negotiation.model.Statement;
import org.parley.negotiation.service.StatementService;

import java.util.UUID;

@Path("/api/v1/statements")
@Tag(name = "Statements", description = "Quotes by envoys, verbatim, each with its sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class StatementResource {

    static final String EXAMPLE = """
            {
              "negotiationId": "3f1c6a52-8a0e-4d4b-9a51-0c6d2b7f8e11",
              "envoyId": "a8e2b3c4-1d2e-4f50-8a6b-7c8d9e0f1a2b",
              "meetingId": "5b7d9f11-2c3e-4a5b-8c7d-9e0f1a2b3c4d",
              "quote": "This was a necessary conversation, a very concrete one",
              "saidOnPrecision": "unknown",
              "context": "Putin, after the five-hour Kremlin meeting with Witkoff and Kushner",
              "sources": [{"publication": "Associated Press", "publishedOn": "2024-03-15", "attribution": "Vladimir Putin, in remarks published on March 15"}]
            }""";

    @Inject
    StatementService service;

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createStatement", summary = "Record a quote by an envoy",
            description = "The envoy must be known from party-service's events; the meeting and proposal, when given, must belong to the negotiation. At least one source is required.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StatementInput.class), examples = @ExampleObject(name = "putin-kremlin", value = EXAMPLE)))
    @APIResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"), description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementView.class)))
    @APIResponse(responseCode = "422", description = "No source (source-required), or an unknown negotiation, envoy, meeting or proposal")
    public Response create(@Valid @NotNull StatementInput body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Statement created = service.record(StatementMapper.toCommand(body));
        return Responses.created(uri.getBaseUriBuilder().path("api/v1/statements").path(created.id.toString()).build(), created.version,
                StatementMapper.toView(service.byEnvoy(created)));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getStatement", summary = "Get a statement")
    @APIResponse(responseCode = "200", description = "The statement", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementView.class)))
    @APIResponse(responseCode = "404", description = "No such statement")
    public Response get(@PathParam("id") UUID id) {
        Statement statement = service.get(id);
        return Responses.ok(statement.version, StatementMapper.toView(service.byEnvoy(statement)));
    }

    @GET
    @Operation(operationId = "listStatements", summary = "List statements",
            description = "Filter by negotiation, envoy, the envoy's party, meeting, proposal, the day said (from/to, inclusive: undated statements are left out when a date bound is given) and updated_since. Sorted by saidOn by default, undated last.")
    @APIResponse(responseCode = "200", description = "One page of statements")
    public Page<StatementView> list(
            @Valid @BeanParam StatementListFilter filter,
            @Parameter(description = "saidOn (default), createdAt or updatedAt; a leading '-' sorts descending" + Pager.OR_CHANGES) @QueryParam("sort")
            @Pattern(regexp = "-?(saidOn|createdAt|updatedAt)|changes", message = "must be saidOn, createdAt or updatedAt, with a leading - for descending order, or changes")
            String sort,
            @Valid @BeanParam Paging paging) {
        return service.list(filter.filter(sort), paging.request()).map(StatementMapper::toView);
    }
}
