package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@EventType("org.parley.proposal.clauses-reordered.v1")
@JsonClassDescription("A proposal's clauses were renumbered or put in a new order.")
public record ClausesReordered(
        UUID negotiationId,
        UUID proposalId,
        @JsonPropertyDescription("Every clause of the proposal, in its new order.")
        List<ClausePlace> clauses,
        Instant reorderedAt) implements NegotiationEvent {

    @Override
    public String subject() {
        return proposalId.toString();
    }
}
