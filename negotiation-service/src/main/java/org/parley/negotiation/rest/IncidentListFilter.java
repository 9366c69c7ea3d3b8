package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoDate;
import org.parley.api.IsoInstant;
import org.parley.api.OneOf;
import org.parley.api.QueryValues;
import org.parley.api.SearchText;
import org.parley.api.Uuid;
import org.parley.negotiation.model.IncidentKind;
import org.parley.negotiation.repository.IncidentFilter;

import java.time.LocalDate;

/**
 * The filter parameters of the incidents list, read once for the list and its export
 * ({@code @Valid @BeanParam}), so that the export is filterable exactly as the list is. Fields are named as
 * the parameters are, so that a violation names the parameter.
 */
public class IncidentListFilter {

    @Parameter(description = "Negotiation id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("negotiation")
    @Uuid
    String negotiation;

    @Parameter(description = "Party id: incidents attributed to it", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("party")
    @Uuid
    String party;

    @Parameter(description = "Kind", schema = @Schema(implementation = IncidentKind.class))
    @QueryParam("kind")
    @OneOf(IncidentKind.class)
    String kind;

    @Parameter(description = "Region, case-insensitive")
    @QueryParam("region")
    @SearchText
    String region;

    @Parameter(description = "City, case-insensitive")
    @QueryParam("city")
    @SearchText
    String city;

    @Parameter(description = "Happened on or after this day", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("from")
    @IsoDate
    String from;

    @Parameter(description = "Happened on or before this day", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @QueryParam("to")
    @IsoDate
    String to;

    @Parameter(description = "Only incidents changed at or after this instant", schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    @QueryParam("updated_since")
    @IsoInstant
    String updated_since;

    /**
     * The parameters, checked by their constraints, as the repository's filter; {@code from} after {@code to} is a
     * 400. {@code sort} is the list's (null: by occurredOn).
     */
    public IncidentFilter filter(String sort) {
        LocalDate fromDate = QueryValues.date(from);
        LocalDate toDate = QueryValues.date(to);
        QueryValues.range("from", fromDate, "to", toDate);
        return new IncidentFilter(QueryValues.uuid(negotiation), QueryValues.uuid(party), QueryValues.term(IncidentKind.class, kind),
                QueryValues.text(region), QueryValues.text(city), fromDate, toDate, QueryValues.instant(updated_since), sort);
    }
}
