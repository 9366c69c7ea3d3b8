package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;
import org.parley.events.Nullable;

import java.time.Instant;
import java.util.UUID;

@EventType("org.parley.meeting.status-changed.v1")
@JsonClassDescription("A meeting was held, cancelled, postponed or rescheduled.")
public record MeetingStatusChanged(
        UUID negotiationId,
        UUID meetingId,
        @JsonPropertyDescription("scheduled, held, cancelled or postponed.")
        String previousStatus,
        String status,
        @JsonPropertyDescription("Why, or what happened, as given with the change.")
        @Nullable String note,
        Instant changedAt) implements NegotiationEvent {

    @Override
    public String subject() {
        return meetingId.toString();
    }
}
