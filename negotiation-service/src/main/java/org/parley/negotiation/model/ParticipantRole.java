package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The part a party plays in one negotiation (not its role in the conflict, which party-service keeps). */
public enum ParticipantRole {
    @JsonProperty("principal") PRINCIPAL,
    @JsonProperty("mediator") MEDIATOR,
    @JsonProperty("observer") OBSERVER
}
