package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoInstant;
import org.parley.api.OneOf;
import org.parley.api.QueryValues;
import org.parley.api.Uuid;
import org.parley.negotiation.model.ProposalStatus;

import java.time.Instant;
import java.util.UUID;

/** The filters of the proposals list. Fields are named as the parameters are: a validation problem names the field. */
public class ProposalListFilter {

    @Parameter(description = "Negotiation id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("negotiation")
    @Uuid
    String negotiation;

    @Parameter(description = "Sponsor party id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("sponsor")
    @Uuid
    String sponsor;

    @Parameter(description = "Only proposals with this status", schema = @Schema(implementation = ProposalStatus.class))
    @QueryParam("status")
    @OneOf(ProposalStatus.class)
    String status;

    @Parameter(description = OpenApiText.UPDATED_SINCE)
    @QueryParam("updated_since")
    @IsoInstant
    String updated_since;

    UUID negotiation() {
        return QueryValues.uuid(negotiation);
    }

    UUID sponsor() {
        return QueryValues.uuid(sponsor);
    }

    ProposalStatus status() {
        return QueryValues.term(ProposalStatus.class, status);
    }

    Instant updatedSince() {
        return QueryValues.instant(updated_since);
    }
}
