package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoDate;
import org.parley.api.IsoInstant;
import org.parley.api.QueryValues;
import org.parley.api.Uuid;
import org.parley.negotiation.repository.StatementFilter;

import java.time.LocalDate;

/**
 * The filter parameters of the statements list, read once for the list and its export
 * ({@code @Valid @BeanParam}), so that the export is filterable exactly as the list is. Fields are named as
 * the parameters are, so that a violation names the parameter.
 */
public class StatementListFilter {

    @Parameter(description = "Negotiation id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("negotiation")
    @Uuid
    String negotiation;

    @Parameter(description = "Envoy id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("envoy")
    @Uuid
    String envoy;

    @Parameter(description = "Party id: statements by its envoys", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("party")
    @Uuid
    String party;

    @Parameter(description = "Meeting id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("meeting")
    @Uuid
    String meeting;

    @Parameter(description = "Proposal id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("proposal")
    @Uuid
    String proposal;

    @Parameter(description = "Said on or after this day", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    @IsoDate
    String from;

    @Parameter(description = "Said on or before this day", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    @IsoDate
    String to;

    @Parameter(description = "Only statements changed at or after this instant", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("updated_since")
    @IsoInstant
    String updated_since;

    /**
     * The parameters, checked by their constraints, as the repository's filter; {@code from} after {@code to} is a
     * 400. {@code sort} is the list's (null: by saidOn).
     */
    public StatementFilter filter(String sort) {
        LocalDate fromDate = QueryValues.date(from);
        LocalDate toDate = QueryValues.date(to);
        QueryValues.range("from", fromDate, "to", toDate);
        return new StatementFilter(QueryValues.uuid(negotiation), QueryValues.uuid(envoy), QueryValues.uuid(party),
                QueryValues.uuid(meeting), QueryValues.uuid(proposal), fromDate, toDate, QueryValues.instant(updated_since), sort);
    }
}
