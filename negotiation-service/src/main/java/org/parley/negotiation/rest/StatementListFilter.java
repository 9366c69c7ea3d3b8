package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.negotiation.repository.StatementFilter;

import java.time.LocalDate;

/**
 * The filter parameters of the statements list, read once for the list and its export
 * ({@code @BeanParam}), so that the export is filterable exactly as the list is.
 */
public class StatementListFilter {

    @Parameter(description = "Negotiation id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("negotiation")
    String negotiation;

    @Parameter(description = "Envoy id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("envoy")
    String envoy;

    @Parameter(description = "Party id: statements by its envoys", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("party")
    String party;

    @Parameter(description = "Meeting id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("meeting")
    String meeting;

    @Parameter(description = "Proposal id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("proposal")
    String proposal;

    @Parameter(description = "Said on or after this day", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    String from;

    @Parameter(description = "Said on or before this day", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    String to;

    @Parameter(description = "Only statements changed at or after this instant", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("updated_since")
    String updatedSince;

    /** Reads the parameters; a bad one is a 400 problem that names it. {@code sort} is the list's (null: by saidOn). */
    public StatementFilter filter(String sort) {
        LocalDate fromDate = TimelineParams.date("from", from);
        LocalDate toDate = TimelineParams.date("to", to);
        TimelineParams.range(fromDate, toDate);
        return new StatementFilter(Params.uuid("negotiation", negotiation), Params.uuid("envoy", envoy), Params.uuid("party", party),
                Params.uuid("meeting", meeting), Params.uuid("proposal", proposal), fromDate, toDate,
                Params.instant("updated_since", updatedSince), sort);
    }
}
