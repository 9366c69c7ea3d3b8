package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.ProposalStatus;
import org.parley.negotiation.model.Source;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Schema(name = "Proposal", description = "A proposal tabled by a sponsor party")
public record ProposalView(UUID id, UUID negotiationId, String title, UUID sponsorPartyId,
                           @Schema(description = "The document's version") int version,
                           @Schema(nullable = true) UUID supersedesProposalId, ProposalStatus status,
                           @Schema(description = "The statuses it may move to next") Set<ProposalStatus> allowedNextStatuses,
                           @Schema(nullable = true) String summary, List<Source> sources, Instant createdAt, Instant updatedAt) {
}
