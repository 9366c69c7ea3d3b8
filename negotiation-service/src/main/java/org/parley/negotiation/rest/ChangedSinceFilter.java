package org.parley.negotiation.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.parley.api.IsoInstant;
import org.parley.api.QueryValues;

import java.time.Instant;

/**
 * The one filter of the lists under a single parent (a proposal's clauses, a position's timeline): what changed
 * since. Named as the parameter, so that a validation problem names it.
 */
public class ChangedSinceFilter {

    @Parameter(description = OpenApiText.UPDATED_SINCE)
    @QueryParam("updated_since")
    @IsoInstant
    String updated_since;

    Instant updatedSince() {
        return QueryValues.instant(updated_since);
    }
}
