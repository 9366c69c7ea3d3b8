package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a negotiation stands as a whole; any status may follow any other, since talks resume and stall. */
public enum NegotiationStatus {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("stalled") STALLED,
    @JsonProperty("concluded") CONCLUDED,
    @JsonProperty("collapsed") COLLAPSED
}
