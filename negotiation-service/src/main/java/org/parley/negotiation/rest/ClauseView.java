package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.ClauseTopic;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Clause", description = "A numbered part of a proposal")
public record ClauseView(UUID id, UUID proposalId, String label,
                         @Schema(description = "1-based place in the proposal") int position,
                         @Schema(nullable = true) String heading, @Schema(description = "The clause text; null when not known", nullable = true) String text, ClauseTopic topic,
                         @Schema(nullable = true) UUID derivedFromClauseId, Instant createdAt, Instant updatedAt) {
}
