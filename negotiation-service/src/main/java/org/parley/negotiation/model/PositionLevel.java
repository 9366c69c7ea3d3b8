package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether a position is a party's stance on one clause or on a whole proposal (a position whose clause is null). */
@Schema(name = "PositionLevel")
public enum PositionLevel {
    @JsonProperty("clause") CLAUSE,
    @JsonProperty("proposal") PROPOSAL;

    public static PositionLevel of(PartyPosition position) {
        return position.onProposal() ? PROPOSAL : CLAUSE;
    }
}
