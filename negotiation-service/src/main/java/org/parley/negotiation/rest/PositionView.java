package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.PositionLevel;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Source;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Position", description = "The current stance of a party on a clause, or on a whole proposal (clauseId null)")
public record PositionView(UUID id, PositionLevel level, UUID negotiationId, UUID proposalId, @Schema(description = "The clause; null for a stand on the whole proposal", nullable = true) UUID clauseId, UUID partyId,
                           PositionStatus status, @Schema(nullable = true) String note, List<Source> sources,
                           @Schema(description = "Proposal level: whether the party said which clauses it means; always true on a clause") boolean clausesDisclosed,
                           @Schema(description = "Proposal level: the clauses meant, when disclosed; null when undisclosed and at clause level", nullable = true) List<UUID> affectedClauseIds,
                           @Schema(description = "When the stance was taken (the time of the last change)") Instant recordedAt,
                           @Schema(nullable = true) String recordedBy, Instant updatedAt) {
}
