package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the envoys met in one room or over a line. */
public enum MeetingFormat {
    @JsonProperty("in_person") IN_PERSON,
    @JsonProperty("virtual") VIRTUAL;

    /** The value as it appears in JSON and events. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
