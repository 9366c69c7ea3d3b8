package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;
import org.parley.events.Nullable;

import java.time.Instant;
import java.util.UUID;

@EventType("org.parley.proposal.status-changed.v1")
@JsonClassDescription("A proposal moved from one status to another, e.g. tabled to superseded.")
public record ProposalStatusChanged(
        UUID negotiationId,
        UUID proposalId,
        @JsonPropertyDescription("draft, tabled, under_negotiation, accepted, rejected, superseded or withdrawn.")
        String previousStatus,
        String status,
        @JsonPropertyDescription("When it became superseded by a new version: that version.")
        @Nullable UUID supersededByProposalId,
        Instant changedAt) implements NegotiationEvent {

    @Override
    public String subject() {
        return proposalId.toString();
    }
}
