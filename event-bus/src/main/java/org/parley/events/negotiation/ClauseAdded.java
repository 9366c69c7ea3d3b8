package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

import java.util.UUID;

@EventType("org.parley.clause.added.v1")
@JsonClassDescription("A clause was added to a proposal.")
public record ClauseAdded(ClauseData clause) implements NegotiationEvent {

    @Override
    public UUID negotiationId() {
        return clause.negotiationId();
    }

    @Override
    public String subject() {
        return clause.id().toString();
    }
}
