package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "ClauseLineage", description = "Where a clause came from (ancestors, nearest first) and what came from it (descendants, nearest first)")
public record ClauseLineage(ClauseView clause, List<Entry> ancestors, List<Entry> descendants) {

    @Schema(name = "ClauseLineageEntry")
    public record Entry(UUID clauseId, UUID proposalId, int proposalVersion, String label, @Schema(nullable = true) String heading,
                        @Schema(nullable = true) UUID derivedFromClauseId,
                        @Schema(description = "Steps away from the clause asked about") int distance) {
    }
}
