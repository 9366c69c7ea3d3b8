package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How much of a meeting's start is known. Reports often give only a day ("on March 12") or nothing but
 * "recently"; recording a midnight or a made-up date would state a fact the source never gave.
 */
public enum StartPrecision {
    /** startsAt is the reported instant. */
    @JsonProperty("exact") EXACT,
    /** Only the day (UTC) of startsAt is reported; its time of day means nothing. */
    @JsonProperty("day") DAY,
    /** No start was reported; startsAt is empty and timingAsReported says what the source said. */
    @JsonProperty("unknown") UNKNOWN;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
