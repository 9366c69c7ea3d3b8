package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

import java.util.UUID;

@EventType("org.parley.proposal.updated.v1")
@JsonClassDescription("A proposal's details changed; carries the whole proposal.")
public record ProposalUpdated(ProposalData proposal) implements NegotiationEvent {

    @Override
    public UUID negotiationId() {
        return proposal.negotiationId();
    }

    @Override
    public String subject() {
        return proposal.id().toString();
    }
}
