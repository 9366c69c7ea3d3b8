package org.parley.party.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EnvoyRole", description = "In what capacity an envoy acts or speaks for a party")
public enum EnvoyRole {
    @JsonProperty("head_of_state") HEAD_OF_STATE,
    @JsonProperty("head_of_government") HEAD_OF_GOVERNMENT,
    @JsonProperty("foreign_minister") FOREIGN_MINISTER,
    @JsonProperty("special_envoy") SPECIAL_ENVOY,
    @JsonProperty("chief_negotiator") CHIEF_NEGOTIATOR,
    @JsonProperty("adviser") ADVISER,
    @JsonProperty("official") OFFICIAL,
    @JsonProperty("spokesperson") SPOKESPERSON
}
