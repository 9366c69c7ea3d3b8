package org.parley.party.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartyKind", description = "What kind of actor a party is")
public enum PartyKind {
    @JsonProperty("state") STATE,
    @JsonProperty("bloc") BLOC,
    @JsonProperty("international_organisation") INTERNATIONAL_ORGANISATION,
    @JsonProperty("non_state_actor") NON_STATE_ACTOR
}
