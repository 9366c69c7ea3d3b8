package org.parley.party.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoDate;
import org.parley.api.IsoInstant;
import org.parley.api.OneOf;
import org.parley.api.Pager;
import org.parley.api.QueryValues;
import org.parley.api.SearchText;
import org.parley.party.model.EnvoyRole;
import org.parley.party.repository.EnvoyFilter;
import org.parley.party.repository.NameSearch;
import org.parley.party.repository.Ordering;

import java.util.List;

/** The filters of the envoy list, named as the query parameters are (see {@link PartyListFilter}). */
public class EnvoyListFilter {

    static final String UUID_OR_SLUG = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[a-z][a-z0-9-]{1,31}";

    @QueryParam("party")
    @Pattern(regexp = UUID_OR_SLUG, message = "must be a party id or a party slug")
    @Parameter(description = "Only envoys of this party, given by id or by slug", example = "us")
    public String party;

    @QueryParam("role")
    @OneOf(EnvoyRole.class)
    @Parameter(description = "Only envoys in this role", schema = @Schema(implementation = EnvoyRole.class))
    public String role;

    @QueryParam("active_on")
    @IsoDate
    @Parameter(description = "Only envoys whose mandate includes this day (mandateFrom ≤ day ≤ mandateTo, an open end counting as ongoing)",
            schema = @Schema(type = SchemaType.STRING, format = "date"), example = "2025-12-02")
    public String active_on;

    @QueryParam("q")
    @SearchText
    @Parameter(description = "Name search, case- and accent-insensitive, over the full name and each alias: an envoy matches when one "
            + "of their names has, for every word of q, a word that starts with it, is spelled like it or sounds like it "
            + "(\"Steve Witkoff\" and \"Steven Witkoff\" find each other; \"Vladimir\", \"Volodymyr\" and \"Wladimir\" too)",
            example = "Steve Witkoff")
    public String q;

    @QueryParam("updated_since")
    @IsoInstant
    @Parameter(description = "Only envoys changed at or after this instant: an ISO 8601 timestamp with an offset, or a date meaning its start (UTC)",
            schema = @Schema(type = SchemaType.STRING), example = "2025-12-01T00:00:00Z")
    public String updated_since;

    @QueryParam("sort")
    @DefaultValue("fullName")
    @Pattern(regexp = "-?(fullName|mandateFrom|updatedAt)|changes", message = "must be fullName, mandateFrom or updatedAt, with a leading - for descending order, or changes")
    @Parameter(description = "Sort key: fullName, mandateFrom or updatedAt; a leading - sorts descending. Ties are broken by id" + Pager.OR_CHANGES,
            schema = @Schema(type = SchemaType.STRING, enumeration = {"fullName", "-fullName", "mandateFrom", "-mandateFrom", "updatedAt", "-updatedAt", "changes"},
                    defaultValue = "fullName"))
    public String sort;

    /**
     * The parameters as the repository reads them, once Bean Validation has accepted them. The party is left
     * open: {@link #party} may be a slug, which the service resolves.
     */
    public EnvoyFilter filter() {
        String query = QueryValues.text(q);
        return new EnvoyFilter(
                null,
                QueryValues.term(EnvoyRole.class, role),
                QueryValues.date(active_on),
                query == null ? List.of() : NameSearch.words(query),
                QueryValues.instant(updated_since),
                Ordering.parse(sort));
    }
}
