package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.ClauseTopic;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Clause", description = "A numbered part of a proposal")
public record ClauseView(UUID id, UUID proposalId, String label,
                         @Schema(description = "1-based place in the proposal") int position,
                         String heading, @Schema(description = "Null when not known") String text, ClauseTopic topic,
                         UUID derivedFromClauseId, Instant createdAt, Instant updatedAt) {
}
