package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.negotiation.model.IncidentKind;
import org.parley.negotiation.repository.IncidentFilter;
import org.parley.negotiation.service.Vocabulary;

import java.time.LocalDate;

/**
 * The filter parameters of the incidents list, read once for the list and its export
 * ({@code @BeanParam}), so that the export is filterable exactly as the list is.
 */
public class IncidentListFilter {

    @Parameter(description = "Negotiation id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("negotiation")
    String negotiation;

    @Parameter(description = "Party id: incidents attributed to it", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("party")
    String party;

    @Parameter(description = "Kind", schema = @Schema(implementation = IncidentKind.class))
    @QueryParam("kind")
    String kind;

    @Parameter(description = "Region, case-insensitive")
    @QueryParam("region")
    String region;

    @Parameter(description = "City, case-insensitive")
    @QueryParam("city")
    String city;

    @Parameter(description = "Happened on or after this day", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    String from;

    @Parameter(description = "Happened on or before this day", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    String to;

    @Parameter(description = "Only incidents changed at or after this instant", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("updated_since")
    String updatedSince;

    /** Reads the parameters; a bad one is a 400 problem that names it. {@code sort} is the list's (null: by occurredOn). */
    public IncidentFilter filter(String sort) {
        LocalDate fromDate = TimelineParams.date("from", from);
        LocalDate toDate = TimelineParams.date("to", to);
        TimelineParams.range(fromDate, toDate);
        return new IncidentFilter(Params.uuid("negotiation", negotiation), Params.uuid("party", party),
                Vocabulary.parse(IncidentKind.class, "kind", kind), TimelineParams.text("region", region), TimelineParams.text("city", city),
                fromDate, toDate, Params.instant("updated_since", updatedSince), sort);
    }
}
