package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoInstant;
import org.parley.api.OneOf;
import org.parley.api.QueryValues;
import org.parley.api.Uuid;
import org.parley.negotiation.model.PositionLevel;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.repository.PositionFilter;

/**
 * The filter parameters of the positions list, read once for the list and its export
 * ({@code @Valid @BeanParam}), so that the export is filterable, and refuses, exactly as the list does. Fields
 * are named as the parameters are: a validation problem names the field.
 */
public class PositionListFilter {

    @Parameter(description = "Negotiation id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("negotiation")
    @Uuid
    String negotiation;

    @Parameter(description = "Party id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("party")
    @Uuid
    String party;

    @Parameter(description = "Proposal id (its clause and proposal-level positions)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("proposal")
    @Uuid
    String proposal;

    @Parameter(description = "Clause id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("clause")
    @Uuid
    String clause;

    @Parameter(description = "Only positions with this status", schema = @Schema(implementation = PositionStatus.class))
    @QueryParam("status")
    @OneOf(PositionStatus.class)
    String status;

    @Parameter(description = "Only positions on a clause, or only stands on a whole proposal", schema = @Schema(implementation = PositionLevel.class))
    @QueryParam("level")
    @OneOf(PositionLevel.class)
    String level;

    @Parameter(description = OpenApiText.UPDATED_SINCE)
    @QueryParam("updated_since")
    @IsoInstant
    String updated_since;

    /** The parameters as the repository's filter, once Bean Validation has checked them. */
    public PositionFilter filter() {
        return new PositionFilter(QueryValues.uuid(negotiation), QueryValues.uuid(party), QueryValues.uuid(proposal),
                QueryValues.uuid(clause), QueryValues.term(PositionStatus.class, status),
                QueryValues.term(PositionLevel.class, level), QueryValues.instant(updated_since));
    }
}
