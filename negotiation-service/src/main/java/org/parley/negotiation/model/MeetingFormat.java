package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the envoys met in one room or over a line. */
public enum MeetingFormat {
    @JsonProperty("in_person") IN_PERSON,
    @JsonProperty("virtual") VIRTUAL
}
