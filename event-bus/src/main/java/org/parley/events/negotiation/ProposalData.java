package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonClassDescription("A proposal as negotiation-service holds it after the change.")
public record ProposalData(
        UUID id,
        UUID negotiationId,
        String title,
        UUID sponsorPartyId,
        @JsonPropertyDescription("The document's version number: the 28-point draft 1, the 20-point framework 2.")
        int version,
        @JsonPropertyDescription("draft, tabled, under_negotiation, accepted, rejected, superseded or withdrawn.")
        String status,
        @JsonPropertyDescription("The earlier version this one replaces.")
        @Nullable UUID supersedesProposalId,
        @Nullable String summary,
        List<SourceRef> sources,
        Instant updatedAt) {
}
