package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

import java.util.UUID;

@EventType("org.parley.negotiation.opened.v1")
@JsonClassDescription("A negotiation was opened in the tracker.")
public record NegotiationOpened(NegotiationData negotiation) implements NegotiationEvent {

    @Override
    public UUID negotiationId() {
        return negotiation.id();
    }

    @Override
    public String subject() {
        return negotiation.id().toString();
    }
}
