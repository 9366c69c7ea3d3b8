package org.parley.negotiation.rest;

import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.api.Page;
import org.parley.api.Pager;
import org.parley.api.Paging;
import org.parley.api.Roles;
import org.parley.negotiation.mapping.PositionMapper;
import org.parley.negotiation.service.PositionService;


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
    public Page<PositionView> list(
            @Valid @BeanParam PositionListFilter filter,
            @Parameter(description = "updatedAt or recordedAt; prefix - for descending" + Pager.OR_CHANGES) @Pattern(regexp = "-?(updatedAt|recordedAt)|changes", message = "must be updatedAt or recordedAt, with a leading - for descending order, or changes") @QueryParam("sort") @DefaultValue("-updatedAt") String sort,
            @Valid @BeanParam Paging paging) {
        return positions.list(filter.filter(), sort, paging.request())
                .map(PositionMapper::toView);
    }
}
