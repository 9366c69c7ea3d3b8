package org.parley.negotiation.service;

import org.parley.negotiation.model.Clause;

import java.util.List;
import java.util.UUID;

/** Where a clause came from (ancestors, nearest first) and what came from it (descendants, nearest first). */
public record Lineage(Clause clause, List<Step> ancestors, List<Step> descendants) {

    /** @param distance steps away from the clause asked about */
    public record Step(UUID clauseId, UUID proposalId, int proposalVersion, String label, String heading, UUID derivedFromClauseId,
                       int distance) {
    }
}
