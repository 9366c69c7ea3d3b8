package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Locale;

/**
 * How precisely a reported fact is dated. News rarely gives a full date: "on Thursday", "overnight", or
 * nothing at all. The precision keeps what was reported from being passed off as more exact than it is.
 */
@Schema(name = "TimelineDatePrecision", description = "How precisely the date of a fact is known: "
        + "exact_day (the date is the day it happened), night (the night starting on the date, or an unnamed night), "
        + "weekday_as_reported (only a weekday was reported, e.g. \"Thursday\"), approximate (around the date), "
        + "unknown (not reported)")
public enum TimelineDatePrecision {
    @JsonProperty("exact_day") EXACT_DAY,
    @JsonProperty("night") NIGHT,
    @JsonProperty("weekday_as_reported") WEEKDAY_AS_REPORTED,
    @JsonProperty("approximate") APPROXIMATE,
    @JsonProperty("unknown") UNKNOWN;

    /** exact_day claims a date; unknown claims none. The other precisions can be held with or without one. */
    public boolean needsDate() {
        return this == EXACT_DAY || this == APPROXIMATE;
    }

    public boolean forbidsDate() {
        return this == UNKNOWN;
    }

    public static TimelineDatePrecision defaultFor(Object date) {
        return date == null ? UNKNOWN : EXACT_DAY;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
