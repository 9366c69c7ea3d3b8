package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The subject of a clause, after the PA-X provision topics, reduced to what the desks track. */
public enum ClauseTopic {
    @JsonProperty("ceasefire") CEASEFIRE,
    @JsonProperty("territory") TERRITORY,
    @JsonProperty("security_guarantees") SECURITY_GUARANTEES,
    @JsonProperty("sanctions") SANCTIONS,
    @JsonProperty("humanitarian") HUMANITARIAN,
    @JsonProperty("prisoners") PRISONERS,
    @JsonProperty("reconstruction") RECONSTRUCTION,
    @JsonProperty("governance") GOVERNANCE,
    @JsonProperty("elections") ELECTIONS,
    @JsonProperty("military_limits") MILITARY_LIMITS,
    @JsonProperty("other") OTHER
}
