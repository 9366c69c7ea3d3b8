package org.parley.party.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoInstant;
import org.parley.api.OneOf;
import org.parley.api.Pager;
import org.parley.api.QueryValues;
import org.parley.party.model.ConflictRole;
import org.parley.party.model.PartyKind;
import org.parley.party.repository.Ordering;
import org.parley.party.repository.PartyFilter;

/**
 * The filters of the party list. Fields are named as the query parameters are, because a validation
 * problem names the field and the client knows the parameter.
 */
public class PartyListFilter {

    @QueryParam("kind")
    @OneOf(PartyKind.class)
    @Parameter(description = "Only parties of this kind", schema = @Schema(implementation = PartyKind.class))
    public String kind;

    @QueryParam("role")
    @OneOf(ConflictRole.class)
    @Parameter(description = "Only parties with this conflict role", schema = @Schema(implementation = ConflictRole.class))
    public String role;

    @QueryParam("updated_since")
    @IsoInstant
    @Parameter(description = "Only parties changed at or after this instant: an ISO 8601 timestamp with an offset, or a date meaning its start (UTC)",
            schema = @Schema(type = SchemaType.STRING), example = "2025-12-01T00:00:00Z")
    public String updated_since;

    @QueryParam("sort")
    @DefaultValue("name")
    @Pattern(regexp = "-?(name|slug|updatedAt)|changes", message = "must be name, slug or updatedAt, with a leading - for descending order, or changes")
    @Parameter(description = "Sort key: name, slug or updatedAt; a leading - sorts descending. Ties are broken by id" + Pager.OR_CHANGES,
            schema = @Schema(type = SchemaType.STRING, enumeration = {"name", "-name", "slug", "-slug", "updatedAt", "-updatedAt", "changes"}, defaultValue = "name"))
    public String sort;

    /** The parameters as the repository reads them; called once Bean Validation has accepted them. */
    public PartyFilter filter() {
        return new PartyFilter(
                QueryValues.term(PartyKind.class, kind),
                QueryValues.term(ConflictRole.class, role),
                QueryValues.instant(updated_since),
                Ordering.parse(sort));
    }
}
