package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Source;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "PositionChange", description = "One entry of a position's timeline")
public record PositionChangeView(long sequence, PositionStatus status, @Schema(description = "The status before this change; null for the first", nullable = true) PositionStatus previousStatus, @Schema(nullable = true) String note,
                                 List<Source> sources, @Schema(nullable = true) List<UUID> affectedClauseIds, Instant recordedAt, @Schema(nullable = true) String recordedBy) {
}
