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
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import org.parley.negotiation.mapping.ClauseMapper;
import org.parley.negotiation.mapping.PositionMapper;
import org.parley.negotiation.mapping.ProposalMapper;
import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.model.Proposal;
import org.parley.negotiation.service.BoardService;
import org.parley.negotiation.service.ClauseService;
import org.parley.negotiation.service.PositionService;
import org.parley.negotiation.service.ProposalService;

import java.util.List;
import java.util.UUID;

import static org.parley.negotiation.rest.OpenApiText.IF_MATCH;

@Path("/api/v1/proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals", description = "Proposals tabled in a negotiation, their clauses, and the board of positions")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class ProposalResource {

    private static final String EXAMPLE = """
            {"negotiationId": "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d", "title": "U.S. 20-point peace framework",
             "sponsorPartyId": "9d2e7f3a-6c4b-4e8d-b1a2-3c4d5e6f7a03", "version": 2,
             "supersedesProposalId": "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", "status": "tabled",
             "summary": "Revised after the Geneva talks",
             "sources": [{"publication": "Reuters", "publishedOn": "2025-11-24"}]}""";
    static final String POSITION_EXAMPLE = """
            {"status": "contested", "note": "Certain elements are unacceptable",
             "sources": [{"publication": "TASS", "publishedOn": "2025-12-02", "attribution": "Vladimir Putin"}],
             "recordedAt": "2025-12-02T12:00:00Z", "recordedBy": "desk.moscow"}""";

    @Inject
    ProposalService proposals;

    @Inject
    ClauseService clauses;

    @Inject
    PositionService positions;

    @Inject
    BoardService board;

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "tableProposal", summary = "Record a proposal tabled in a negotiation (and supersede the version it replaces)")
    @APIResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"), description = "Created; Location and ETag set", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "409", description = "The superseded proposal is already final")
    @APIResponse(responseCode = "422", description = "Unknown negotiation, sponsor or superseded proposal")
    public Response table(@RequestBody(content = @Content(examples = @ExampleObject(name = "v2", value = EXAMPLE))) @NotNull @Valid ProposalInput input,
                          @Context UriInfo uri) {
        Proposal p = proposals.table(ProposalMapper.toCommand(input));
        return Responses.created(uri.getAbsolutePathBuilder().path(p.id.toString()).build(), p.version, ProposalMapper.toView(p));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getProposal", summary = "Read a proposal")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "The proposal, with its ETag", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "No such proposal")
    public Response get(@PathParam("id") UUID id) {
        Proposal p = proposals.get(id);
        return Responses.ok(p.version, ProposalMapper.toView(p));
    }

    @PUT
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateProposal", summary = "Edit a proposal's title, sponsor, version, summary and sources")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "Updated (or unchanged); new ETag", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "422", description = "Unknown sponsor")
    public Response update(@PathParam("id") UUID id, @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "edit", value = """
                                   {"title": "U.S. 28-point peace plan", "sponsorPartyId": "9d2e7f3a-6c4b-4e8d-b1a2-3c4d5e6f7a03", "version": 1,
                                    "summary": "Leaked draft", "sources": [{"publication": "Axios"}]}"""))) @NotNull @Valid ProposalChanges changes) {
        Proposal p = proposals.update(id, ifMatch, ProposalMapper.toCommand(changes));
        return Responses.ok(p.version, ProposalMapper.toView(p));
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}/status")
    @Operation(operationId = "changeProposalStatus", summary = "Move a proposal along its lifecycle: draft → tabled → under_negotiation → accepted | rejected | withdrawn; any non-final → superseded")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "Changed (or already there); new ETag", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status; the detail names the allowed ones")
    public Response changeStatus(@PathParam("id") UUID id, @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                                 @RequestBody(content = @Content(examples = @ExampleObject(name = "negotiate", value = "{\"status\": \"under_negotiation\"}")))
                                 @NotNull @Valid ProposalStatusChange change) {
        Proposal p = proposals.changeStatus(id, ifMatch, change.status());
        return Responses.ok(p.version, ProposalMapper.toView(p));
    }

    @GET
    @Operation(operationId = "listProposals", summary = "List proposals by negotiation, sponsor, status and updated_since")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<ProposalView> list(
            @Valid @BeanParam ProposalListFilter filter,
            @Parameter(description = "createdAt, updatedAt, version or title; prefix - for descending" + Pager.OR_CHANGES) @Pattern(regexp = "-?(createdAt|updatedAt|version|title)|changes", message = "must be createdAt, updatedAt, version or title, with a leading - for descending order, or changes") @QueryParam("sort") @DefaultValue("-updatedAt") String sort,
            @Valid @BeanParam Paging paging) {
        return proposals.list(filter.negotiation(), filter.sponsor(), filter.status(), filter.updatedSince(), sort, paging.request())
                .map(ProposalMapper::toView);
    }

    @GET
    @Path("/{id}/board")
    @Operation(operationId = "getProposalBoard", summary = "The clause × party matrix of current positions, with summary counts")
    @APIResponse(responseCode = "200", description = "The board", content = @Content(schema = @Schema(implementation = ProposalBoard.class)))
    @APIResponse(responseCode = "404", description = "No such proposal")
    public ProposalBoard board(@PathParam("id") UUID id) {
        return ProposalMapper.toView(board.board(id));
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}/clauses")
    @Operation(operationId = "addClause", summary = "Add a clause at the end of a proposal")
    @APIResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"), description = "Created; Location and ETag set", content = @Content(schema = @Schema(implementation = ClauseView.class)))
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "The label is taken in this proposal")
    @APIResponse(responseCode = "422", description = "derivedFromClauseId unknown or not from an earlier version")
    public Response addClause(@PathParam("id") UUID id,
                              @RequestBody(content = @Content(examples = @ExampleObject(name = "clause", value = """
                                      {"label": "7", "heading": "Ukraine's armed forces", "topic": "military_limits"}"""))) @NotNull @Valid ClauseInput input,
                              @Context UriInfo uri) {
        Clause c = clauses.add(id, ClauseMapper.toCommand(input));
        return Responses.created(uri.getBaseUriBuilder().path("api/v1/clauses").path(c.id.toString()).build(), c.version, ClauseMapper.toView(c));
    }

    @GET
    @Path("/{id}/clauses")
    @Operation(operationId = "listClauses", summary = "The clauses of a proposal, in order")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "404", description = "No such proposal")
    public Page<ClauseView> listClauses(@PathParam("id") UUID id, @Valid @BeanParam ChangedSinceFilter filter,
            @Parameter(description = "position or updatedAt; prefix - for descending" + Pager.OR_CHANGES) @Pattern(regexp = "-?(position|updatedAt)|changes", message = "must be position or updatedAt, with a leading - for descending order, or changes") @QueryParam("sort") @DefaultValue("position") String sort,
            @Valid @BeanParam Paging paging) {
        return clauses.list(id, filter.updatedSince(), sort, paging.request()).map(ClauseMapper::toView);
    }

    @PUT
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}/clauses/order")
    @Operation(operationId = "reorderClauses", summary = "Put a proposal's clauses in a new order (If-Match: the proposal's ETag)")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "The clauses in their new order; the proposal's new ETag",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ClauseView.class)))
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "The list is not exactly the proposal's clauses")
    public Response reorderClauses(@PathParam("id") UUID id, @Parameter(description = "The proposal's ETag", required = true) @HeaderParam("If-Match") String ifMatch,
                                   @RequestBody(content = @Content(examples = @ExampleObject(name = "order", value = """
                                           {"clauseIds": ["1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "0a1b2c3d-4e5f-4a6b-7c8d-9e0f1a2b3c4d"]}"""))) @NotNull @Valid ClauseOrder order) {
        List<ClauseView> ordered = clauses.reorder(id, ifMatch, order.clauseIds()).stream().map(ClauseMapper::toView).toList();
        return Responses.ok(proposals.get(id).version, ordered);
    }

    @PUT
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}/positions/{partyId}")
    @Operation(operationId = "recordProposalPosition", summary = "Record where a party stands on a whole proposal, the clauses possibly undisclosed")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "Changed, or the same stance again (no-op); ETag set", content = @Content(schema = @Schema(implementation = PositionView.class)))
    @APIResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"), description = "The party's first stance on it; Location and ETag set", content = @Content(schema = @Schema(implementation = PositionView.class)))
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "recordedAt is before the current stance")
    @APIResponse(responseCode = "412", description = "A stance exists and If-Match is stale: it changed since it was read")
    @APIResponse(responseCode = "422", description = "Unknown or non-participating party, foreign clause, or no source")
    @APIResponse(responseCode = "428", description = "A stance exists and If-Match is missing (only the first stance is sent without it)")
    public Response recordPosition(@PathParam("id") UUID id, @PathParam("partyId") UUID partyId,
                                   @Parameter(description = IF_MATCH + "; leave out for the first stance") @HeaderParam("If-Match") String ifMatch,
                                   @RequestBody(content = @Content(examples = @ExampleObject(name = "certainElements", value = POSITION_EXAMPLE)))
                                   @NotNull @Valid ProposalPositionInput input, @Context UriInfo uri) {
        return PositionResponses.of(positions.recordOnProposal(id, partyId, ifMatch, PositionMapper.toCommand(input)), uri);
    }

    @GET
    @Path("/{id}/positions/{partyId}")
    @Operation(operationId = "getProposalPosition", summary = "Where a party currently stands on a whole proposal")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "The current stance, with its ETag", content = @Content(schema = @Schema(implementation = PositionView.class)))
    @APIResponse(responseCode = "404", description = "No such proposal, or no stance recorded")
    public Response getPosition(@PathParam("id") UUID id, @PathParam("partyId") UUID partyId) {
        PartyPosition p = positions.onProposal(id, partyId);
        return Responses.ok(p.version, PositionMapper.toView(p));
    }

    @GET
    @Path("/{id}/positions/{partyId}/history")
    @Operation(operationId = "getProposalPositionHistory", summary = "Every change of a party's stance on a whole proposal, oldest first")
    @APIResponse(responseCode = "200", description = "One page of the timeline")
    @APIResponse(responseCode = "404", description = "No such proposal, or no stance recorded")
    public Page<PositionChangeView> positionHistory(@PathParam("id") UUID id, @PathParam("partyId") UUID partyId,
            @Valid @BeanParam ChangedSinceFilter filter,
            @Parameter(description = OpenApiText.HISTORY_SORT) @Pattern(regexp = "-?(recordedAt)|changes", message = "must be recordedAt, with a leading - for descending order, or changes") @QueryParam("sort") @DefaultValue("recordedAt") String sort,
            @Valid @BeanParam Paging paging) {
        return positions.history(positions.onProposal(id, partyId), filter.updatedSince(), sort, paging.request()).map(PositionMapper::toView);
    }
}
