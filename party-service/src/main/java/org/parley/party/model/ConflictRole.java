package org.parley.party.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartyConflictRole", description = "The part a party plays in the conflict")
public enum ConflictRole {
    @JsonProperty("belligerent") BELLIGERENT,
    @JsonProperty("mediator") MEDIATOR,
    @JsonProperty("guarantor") GUARANTOR,
    @JsonProperty("observer") OBSERVER,
    @JsonProperty("stakeholder") STAKEHOLDER
}
