package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.negotiation.model.PositionLevel;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.repository.PositionFilter;
import org.parley.negotiation.service.Vocabulary;

/**
 * The filter parameters of the positions list, read once for the list and its export
 * ({@code @BeanParam}), so that the export is filterable exactly as the list is.
 */
public class PositionListFilter {

    @Parameter(description = "Negotiation id")
    @QueryParam("negotiation")
    String negotiation;

    @Parameter(description = "Party id")
    @QueryParam("party")
    String party;

    @Parameter(description = "Proposal id (its clause and proposal-level positions)")
    @QueryParam("proposal")
    String proposal;

    @Parameter(description = "Clause id")
    @QueryParam("clause")
    String clause;

    @Parameter(description = "Only positions with this status", schema = @Schema(implementation = PositionStatus.class))
    @QueryParam("status")
    String status;

    @Parameter(description = "Only positions on a clause, or only stands on a whole proposal", schema = @Schema(implementation = PositionLevel.class))
    @QueryParam("level")
    String level;

    @Parameter(description = OpenApiText.UPDATED_SINCE)
    @QueryParam("updated_since")
    String updatedSince;

    /** Reads the parameters; a bad one is a 400 problem that names it. */
    public PositionFilter filter() {
        return new PositionFilter(Params.uuid("negotiation", negotiation), Params.uuid("party", party), Params.uuid("proposal", proposal),
                Params.uuid("clause", clause), Vocabulary.parse(PositionStatus.class, "status", status),
                Vocabulary.parse(PositionLevel.class, "level", level), Params.instant("updated_since", updatedSince));
    }
}
