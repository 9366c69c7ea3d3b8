package org.parley.negotiation.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.parley.api.Paging;
import org.parley.api.Responses;
import org.parley.api.Roles;
import org.parley.negotiation.mapping.ClauseMapper;
import org.parley.negotiation.mapping.PositionMapper;
import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.service.ClauseService;
import org.parley.negotiation.service.PositionService;

import java.util.UUID;

import static org.parley.negotiation.rest.OpenApiText.IF_MATCH;

@Path("/api/v1/clauses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clauses", description = "The clauses of proposals, their lineage across versions, and each party's position on them")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class ClauseResource {

    private static final String POSITION_EXAMPLE = """
            {"status": "rejected", "note": "No withdrawal from Donbas",
             "sources": [{"publication": "Kyiv Independent", "url": "https://kyivindependent.com/example", "publishedOn": "2025-12-03",
                          "attribution": "Volodymyr Zelensky"}],
             "recordedAt": "2025-12-03T09:00:00Z", "recordedBy": "desk.kyiv"}""";

    @Inject
    ClauseService clauses;

    @Inject
    PositionService positions;

    @GET
    @Path("/{id}")
    @Operation(operationId = "getClause", summary = "Read a clause")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "The clause, with its ETag", content = @Content(schema = @Schema(implementation = ClauseView.class)))
    @APIResponse(responseCode = "404", description = "No such clause")
    public Response get(@PathParam("id") UUID id) {
        Clause c = clauses.get(id);
        return Responses.ok(c.version, ClauseMapper.toView(c));
    }

    @PUT
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}")
    @Operation(operationId = "editClause", summary = "Edit a clause's label, heading, text, topic and lineage")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "Updated (or unchanged); new ETag", content = @Content(schema = @Schema(implementation = ClauseView.class)))
    @APIResponse(responseCode = "404", description = "No such clause")
    @APIResponse(responseCode = "409", description = "The label is taken in this proposal")
    @APIResponse(responseCode = "422", description = "derivedFromClauseId unknown or not from an earlier version")
    public Response edit(@PathParam("id") UUID id, @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                         @RequestBody(content = @Content(examples = @ExampleObject(name = "clause", value = """
                                 {"label": "7", "heading": "Ukraine's armed forces", "text": "Limited to 600,000 personnel.", "topic": "military_limits"}""")))
                         @NotNull @Valid ClauseInput input) {
        Clause c = clauses.edit(id, ifMatch, ClauseMapper.toCommand(input));
        return Responses.ok(c.version, ClauseMapper.toView(c));
    }

    @GET
    @Path("/{id}/lineage")
    @Operation(operationId = "getClauseLineage", summary = "The clauses this one came from, and those that came from it, across proposal versions")
    @APIResponse(responseCode = "200", description = "The lineage", content = @Content(schema = @Schema(implementation = ClauseLineage.class)))
    @APIResponse(responseCode = "404", description = "No such clause")
    public ClauseLineage lineage(@PathParam("id") UUID id) {
        return ClauseMapper.toView(clauses.lineage(id));
    }

    @PUT
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}/positions/{partyId}")
    @Operation(operationId = "recordClausePosition", summary = "Record where a party stands on a clause")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "Changed, or the same stance again (no-op); ETag set", content = @Content(schema = @Schema(implementation = PositionView.class)))
    @APIResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"), description = "The party's first stance on it; Location and ETag set", content = @Content(schema = @Schema(implementation = PositionView.class)))
    @APIResponse(responseCode = "404", description = "No such clause")
    @APIResponse(responseCode = "409", description = "recordedAt is before the current stance")
    @APIResponse(responseCode = "412", description = "A stance exists and If-Match is stale: it changed since it was read")
    @APIResponse(responseCode = "422", description = "Unknown or non-participating party, or no source")
    @APIResponse(responseCode = "428", description = "A stance exists and If-Match is missing (only the first stance is sent without it)")
    public Response recordPosition(@PathParam("id") UUID id, @PathParam("partyId") UUID partyId,
                                   @Parameter(description = IF_MATCH + "; leave out for the first stance") @HeaderParam("If-Match") String ifMatch,
                                   @RequestBody(content = @Content(examples = @ExampleObject(name = "rejected", value = POSITION_EXAMPLE)))
                                   @NotNull @Valid PositionInput input, @Context UriInfo uri) {
        return PositionResponses.of(positions.recordOnClause(id, partyId, ifMatch, PositionMapper.toCommand(input)), uri);
    }

    @GET
    @Path("/{id}/positions/{partyId}")
    @Operation(operationId = "getClausePosition", summary = "Where a party currently stands on a clause")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "The current stance, with its ETag", content = @Content(schema = @Schema(implementation = PositionView.class)))
    @APIResponse(responseCode = "404", description = "No such clause, or no stance recorded")
    public Response getPosition(@PathParam("id") UUID id, @PathParam("partyId") UUID partyId) {
        PartyPosition p = positions.onClause(id, partyId);
        return Responses.ok(p.version, PositionMapper.toView(p));
    }

    @GET
    @Path("/{id}/positions/{partyId}/history")
    @Operation(operationId = "getClausePositionHistory", summary = "Every change of a party's stance on a clause, oldest first")
    @APIResponse(responseCode = "200", description = "One page of the timeline")
    @APIResponse(responseCode = "404", description = "No such clause, or no stance recorded")
    public Page<PositionChangeView> positionHistory(@PathParam("id") UUID id, @PathParam("partyId") UUID partyId,
            @Valid @BeanParam ChangedSinceFilter filter,
            @Parameter(description = OpenApiText.HISTORY_SORT) @Pattern(regexp = "-?(recordedAt)|changes", message = "must be recordedAt, with a leading - for descending order, or changes") @QueryParam("sort") @DefaultValue("recordedAt") String sort,
            @Valid @BeanParam Paging paging) {
        return positions.history(positions.onClause(id, partyId), filter.updatedSince(), sort, paging.request()).map(PositionMapper::toView);
    }
}
