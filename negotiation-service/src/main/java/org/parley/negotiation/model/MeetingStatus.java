package org.parley.negotiation.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.EnumSet;
import java.util.Set;

/**
 * scheduled → held, cancelled or postponed; postponed → scheduled (a new date), held or cancelled.
 * Held and cancelled are final: a cancelled meeting that happens after all is a new meeting.
 */
public enum MeetingStatus {
    @JsonProperty("scheduled") SCHEDULED,
    @JsonProperty("held") HELD,
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("postponed") POSTPONED;

    public Set<MeetingStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(HELD, CANCELLED, POSTPONED);
            case POSTPONED -> EnumSet.of(SCHEDULED, HELD, CANCELLED);
            case HELD, CANCELLED -> EnumSet.noneOf(MeetingStatus.class);
        };
    }

    public boolean canMoveTo(MeetingStatus target) {
        return next().contains(target);
    }
}
