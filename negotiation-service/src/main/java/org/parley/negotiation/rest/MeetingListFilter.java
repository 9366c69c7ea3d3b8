package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoInstant;
import org.parley.api.OneOf;
import org.parley.api.QueryValues;
import org.parley.api.Uuid;
import org.parley.negotiation.model.MeetingStatus;
import org.parley.negotiation.repository.MeetingFilter;

import java.time.Instant;

/**
 * The filter parameters of the meetings list, read once for the list and its export
 * ({@code @Valid @BeanParam}), so that the export is filterable exactly as the list is. Fields are named as
 * the parameters are, so that a violation names the parameter.
 */
public class MeetingListFilter {

    @Parameter(description = "Negotiation id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("negotiation")
    @Uuid
    String negotiation;

    @Parameter(description = "Party id (meetings where the party was represented)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("party")
    @Uuid
    String party;

    @Parameter(description = "Envoy id (meetings the envoy took part in)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("envoy")
    @Uuid
    String envoy;

    @Parameter(description = "Meetings starting at or after (instant or date)")
    @QueryParam("from")
    @IsoInstant
    String from;

    @Parameter(description = "Meetings starting before (instant or date)")
    @QueryParam("to")
    @IsoInstant
    String to;

    @Parameter(description = "Only meetings with this status", schema = @Schema(implementation = MeetingStatus.class))
    @QueryParam("status")
    @OneOf(MeetingStatus.class)
    String status;

    @Parameter(description = OpenApiText.UPDATED_SINCE)
    @QueryParam("updated_since")
    @IsoInstant
    String updated_since;

    /** The parameters, checked by their constraints, as the repository's filter; {@code from} after {@code to} is a 400. */
    public MeetingFilter filter() {
        Instant fromInstant = QueryValues.instant(from);
        Instant toInstant = QueryValues.instant(to);
        QueryValues.range("from", fromInstant, "to", toInstant);
        return new MeetingFilter(QueryValues.uuid(negotiation), QueryValues.uuid(party), QueryValues.uuid(envoy), fromInstant, toInstant,
                QueryValues.term(MeetingStatus.class, status), QueryValues.instant(updated_since));
    }
}
