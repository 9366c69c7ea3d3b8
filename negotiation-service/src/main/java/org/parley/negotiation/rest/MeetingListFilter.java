package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.negotiation.model.MeetingStatus;
import org.parley.negotiation.repository.MeetingFilter;
import org.parley.negotiation.service.Vocabulary;

/**
 * The filter parameters of the meetings list, read once for the list and its export
 * ({@code @BeanParam}), so that the export is filterable exactly as the list is.
 */
public class MeetingListFilter {

    @Parameter(description = "Negotiation id")
    @QueryParam("negotiation")
    String negotiation;

    @Parameter(description = "Party id (meetings where the party was represented)")
    @QueryParam("party")
    String party;

    @Parameter(description = "Envoy id (meetings the envoy took part in)")
    @QueryParam("envoy")
    String envoy;

    @Parameter(description = "Meetings starting at or after (instant or date)")
    @QueryParam("from")
    String from;

    @Parameter(description = "Meetings starting before (instant or date)")
    @QueryParam("to")
    String to;

    @Parameter(description = "Only meetings with this status", schema = @Schema(implementation = MeetingStatus.class))
    @QueryParam("status")
    String status;

    @Parameter(description = OpenApiText.UPDATED_SINCE)
    @QueryParam("updated_since")
    String updatedSince;

    /** Reads the parameters; a bad one is a 400 problem that names it. */
    public MeetingFilter filter() {
        return new MeetingFilter(Params.uuid("negotiation", negotiation), Params.uuid("party", party), Params.uuid("envoy", envoy),
                Params.instant("from", from), Params.instant("to", to), Vocabulary.parse(MeetingStatus.class, "status", status),
                Params.instant("updated_since", updatedSince));
    }
}
