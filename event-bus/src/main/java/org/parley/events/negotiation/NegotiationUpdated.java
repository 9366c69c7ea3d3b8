package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

import java.util.UUID;

@EventType("org.parley.negotiation.updated.v1")
@JsonClassDescription("A negotiation's title, parties, status or dates changed; carries the whole negotiation.")
public record NegotiationUpdated(NegotiationData negotiation) implements NegotiationEvent {

    @Override
    public UUID negotiationId() {
        return negotiation.id();
    }

    @Override
    public String subject() {
        return negotiation.id().toString();
    }
}
