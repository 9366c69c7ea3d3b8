package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

import java.util.UUID;

@EventType("org.parley.clause.updated.v1")
@JsonClassDescription("A clause's label, heading, text, topic or lineage changed; carries the whole clause.")
public record ClauseUpdated(ClauseData clause) implements NegotiationEvent {

    @Override
    public UUID negotiationId() {
        return clause.negotiationId();
    }

    @Override
    public String subject() {
        return clause.id().toString();
    }
}
