package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.PositionLevel;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Source;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row of the position-changes export: a timeline entry with the position it belongs to, so that it stands alone. */
@Schema(name = "PositionChangeRow", description = "One change of a position, with the negotiation, proposal, clause and party of that position")
public record PositionChangeRow(
        @Schema(description = "The change's sequence number: increases with every change recorded") long sequence,
        UUID positionId,
        UUID negotiationId,
        UUID proposalId,
        @Schema(description = "The clause; null for a stand on the whole proposal", nullable = true) UUID clauseId,
        UUID partyId,
        PositionLevel level,
        PositionStatus status,
        @Schema(description = "The status before this change; null for the first", nullable = true) PositionStatus previousStatus,
        @Schema(nullable = true) String note,
        List<Source> sources,
        @Schema(description = "Proposal level: the clauses meant, when disclosed", nullable = true) List<UUID> affectedClauseIds,
        @Schema(description = "When the stance was taken") Instant recordedAt,
        @Schema(nullable = true) String recordedBy,
        @Schema(description = "When the change was recorded in Parley (what updated_since compares)") Instant createdAt) {
}
