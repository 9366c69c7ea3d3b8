package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

import java.util.UUID;

@EventType("org.parley.meeting.scheduled.v1")
@JsonClassDescription("A meeting was recorded, planned or already held.")
public record MeetingScheduled(MeetingData meeting) implements NegotiationEvent {

    @Override
    public UUID negotiationId() {
        return meeting.negotiationId();
    }

    @Override
    public String subject() {
        return meeting.id().toString();
    }
}
