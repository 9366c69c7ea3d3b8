package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a party stands on a clause or a proposal. */
public enum PositionStatus {
    @JsonProperty("not_stated") NOT_STATED,
    @JsonProperty("under_review") UNDER_REVIEW,
    @JsonProperty("accepted") ACCEPTED,
    @JsonProperty("accepted_with_reservations") ACCEPTED_WITH_RESERVATIONS,
    @JsonProperty("contested") CONTESTED,
    @JsonProperty("rejected") REJECTED
}
