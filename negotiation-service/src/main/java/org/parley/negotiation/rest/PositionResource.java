package org.parley.negotiation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.parley.api.Roles;
import org.parley.api.Page;
import org.parley.negotiation.mapping.Views;
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
    @APIResponse(responseCode = "400", description = "Invalid filter, sort or paging")
    public Page<PositionView> list(
            @BeanParam PositionListFilter filter,
            @Parameter(description = "updatedAt or recordedAt; prefix - for descending") @QueryParam("sort") @DefaultValue("-updatedAt") String sort,
            @Parameter(description = OpenApiText.PAGE) @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = OpenApiText.SIZE) @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return positions.list(filter.filter(), sort, page, size)
                .map(Views::position);
    }
}
