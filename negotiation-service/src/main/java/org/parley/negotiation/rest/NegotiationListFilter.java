package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoInstant;
import org.parley.api.OneOf;
import org.parley.api.QueryValues;
import org.parley.api.Uuid;
import org.parley.negotiation.model.NegotiationStatus;

import java.time.Instant;
import java.util.UUID;

/** The filters of the negotiations list. Fields are named as the parameters are: a validation problem names the field. */
public class NegotiationListFilter {

    @Parameter(description = "Only negotiations with this status", schema = @Schema(implementation = NegotiationStatus.class))
    @QueryParam("status")
    @OneOf(NegotiationStatus.class)
    String status;

    @Parameter(description = "Only negotiations this party takes part in", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("party")
    @Uuid
    String party;

    @Parameter(description = OpenApiText.UPDATED_SINCE)
    @QueryParam("updated_since")
    @IsoInstant
    String updated_since;

    NegotiationStatus status() {
        return QueryValues.term(NegotiationStatus.class, status);
    }

    UUID party() {
        return QueryValues.uuid(party);
    }

    Instant updatedSince() {
        return QueryValues.instant(updated_since);
    }
}
