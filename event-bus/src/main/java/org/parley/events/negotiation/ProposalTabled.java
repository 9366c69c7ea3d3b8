package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

import java.util.UUID;

@EventType("org.parley.proposal.tabled.v1")
@JsonClassDescription("A proposal, or a new version of one, was put on the table.")
public record ProposalTabled(ProposalData proposal) implements NegotiationEvent {

    @Override
    public UUID negotiationId() {
        return proposal.negotiationId();
    }

    @Override
    public String subject() {
        return proposal.id().toString();
    }
}
