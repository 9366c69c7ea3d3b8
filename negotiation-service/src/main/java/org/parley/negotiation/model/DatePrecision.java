package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.EnumSet;
import java.util.Set;

/**
 * How precisely the time of a fact is known: one vocabulary for a meeting's start, the day a statement was
 * made or an incident happened, and a timeline entry. News rarely gives a full date ("on Thursday",
 * "overnight", or nothing at all), and recording a midnight or a made-up date would state a fact the source
 * never gave. Each field takes the part of the vocabulary that fits what it holds: a meeting's start is an
 * instant ({@link #FOR_INSTANT}), a statement's or an incident's date a day ({@link #FOR_DAY}).
 */
@Schema(name = "DatePrecision", description = "How precisely the time of a fact is known. "
        + "instant: the exact time (a meeting's start); exact_day: only the day (UTC) is known; "
        + "night: the night starting on the date, or an unnamed night; weekday_as_reported: only a weekday was reported, e.g. \"Thursday\"; "
        + "approximate: around the date; unknown: not reported; recorded: the time the fact was recorded in Parley, its real date not being held "
        + "(timeline entries of proposals only). A meeting's startPrecision takes instant, exact_day or unknown; a statement's or incident's date "
        + "precision takes exact_day, night, weekday_as_reported, approximate or unknown.")
public enum DatePrecision {
    @JsonProperty("instant") INSTANT,
    @JsonProperty("exact_day") EXACT_DAY,
    @JsonProperty("night") NIGHT,
    @JsonProperty("weekday_as_reported") WEEKDAY_AS_REPORTED,
    @JsonProperty("approximate") APPROXIMATE,
    @JsonProperty("unknown") UNKNOWN,
    @JsonProperty("recorded") RECORDED;

    /** What a meeting's start (an instant) can say. */
    public static final Set<DatePrecision> FOR_INSTANT = EnumSet.of(INSTANT, EXACT_DAY, UNKNOWN);
    /** What the date of a statement or an incident (a day) can say. */
    public static final Set<DatePrecision> FOR_DAY = EnumSet.of(EXACT_DAY, NIGHT, WEEKDAY_AS_REPORTED, APPROXIMATE, UNKNOWN);

    /** exact_day claims a date; unknown claims none. The other precisions of a day can be held with or without one. */
    public boolean needsDate() {
        return this == EXACT_DAY || this == APPROXIMATE;
    }

    public boolean forbidsDate() {
        return this == UNKNOWN;
    }

    public static DatePrecision dayDefaultFor(Object date) {
        return date == null ? UNKNOWN : EXACT_DAY;
    }
}
