package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What happened on the ground, in the words news reports use. One kind per incident; the weapons, when
 * reported, go in their own field, so a combined salvo of missiles and drones is still one incident.
 */
@Schema(name = "IncidentKind")
public enum IncidentKind {
    @JsonProperty("missile_strike") MISSILE_STRIKE,
    @JsonProperty("drone_strike") DRONE_STRIKE,
    /** Missiles and drones launched together, as in an overnight salvo. */
    @JsonProperty("combined_strike") COMBINED_STRIKE,
    @JsonProperty("air_strike") AIR_STRIKE,
    @JsonProperty("artillery") ARTILLERY,
    @JsonProperty("shelling") SHELLING,
    /** A service (power, heating, water) that stopped, whatever caused it. */
    @JsonProperty("infrastructure_outage") INFRASTRUCTURE_OUTAGE,
    /** An attack was reported without saying how it was carried out. */
    @JsonProperty("unspecified_attack") UNSPECIFIED_ATTACK,
    @JsonProperty("other") OTHER
}
