package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

import java.util.UUID;

@EventType("org.parley.meeting.updated.v1")
@JsonClassDescription("A meeting's details changed; carries the whole meeting.")
public record MeetingUpdated(MeetingData meeting) implements NegotiationEvent {

    @Override
    public UUID negotiationId() {
        return meeting.negotiationId();
    }

    @Override
    public String subject() {
        return meeting.id().toString();
    }
}
