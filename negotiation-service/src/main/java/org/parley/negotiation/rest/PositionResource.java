package org.parley.negotiation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.api.Page;
import org.parley.api.Pager;
import org.parley.api.Paging;
import org.parley.api.Roles;
import org.parley.negotiation.mapping.Views;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.service.PositionService;
import org.parley.negotiation.service.Vocabulary;


@Path("/api/v1/positions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Positions", description = "Where each party stands on clauses and proposals")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class PositionResource {

    @Inject
    PositionService positions;

    @GET
    @Operation(operationId = "listPositions", summary = "List current positions by negotiation, party, proposal, clause, status, level and updated_since")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid filter, sort or paging")
    public Page<PositionView> list(
            @Parameter(description = "Negotiation id") @QueryParam("negotiation") String negotiation,
            @Parameter(description = "Party id") @QueryParam("party") String party,
            @Parameter(description = "Proposal id (its clause and proposal-level positions)") @QueryParam("proposal") String proposal,
            @Parameter(description = "Clause id") @QueryParam("clause") String clause,
            @Parameter(description = "Only positions with this status", schema = @Schema(implementation = PositionStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only positions on a clause, or only stands on a whole proposal", schema = @Schema(implementation = PositionView.Level.class)) @QueryParam("level") String level,
            @Parameter(description = OpenApiText.UPDATED_SINCE) @QueryParam("updated_since") String updatedSince,
            @Parameter(description = "updatedAt or recordedAt; prefix - for descending" + Pager.OR_CHANGES) @QueryParam("sort") @DefaultValue("-updatedAt") String sort,
            @Valid @BeanParam Paging paging) {
        return positions.list(Params.uuid("negotiation", negotiation), Params.uuid("party", party), Params.uuid("proposal", proposal),
                Params.uuid("clause", clause), Vocabulary.parse(PositionStatus.class, "status", status),
                Vocabulary.parse(PositionView.Level.class, "level", level), Params.instant("updated_since", updatedSince), sort, paging.request())
                .map(Views::position);
    }
}
