package org.parley.negotiation.repository;

import org.parley.negotiation.model.PositionLevel;
import org.parley.negotiation.model.PositionStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * What a list or export of positions is narrowed to; every part is optional. {@code updatedSince} is
 * inclusive. The position-changes export reads the same filter: {@code status} and {@code updatedSince}
 * then apply to each change, the rest to the position it belongs to.
 */
public record PositionFilter(
        UUID negotiationId,
        UUID partyId,
        UUID proposalId,
        UUID clauseId,
        PositionStatus status,
        PositionLevel level,
        Instant updatedSince) {

    /** The conditions on the position (alias {@code p}) that do not depend on the status or updatedSince. */
    public ListQuery placement(ListQuery query) {
        query.where("p.negotiationId = :negotiation", "negotiation", negotiationId)
                .where("p.partyId = :party", "party", partyId)
                .where("p.proposalId = :proposal", "proposal", proposalId)
                .where("p.clauseId = :clause", "clause", clauseId);
        if (level == PositionLevel.PROPOSAL) {
            query.where("p.clauseId is null");
        } else if (level == PositionLevel.CLAUSE) {
            query.where("p.clauseId is not null");
        }
        return query;
    }

    /** The list's query: the position (alias {@code p}) as it stands now. */
    public ListQuery positions() {
        return placement(ListQuery.from("PartyPosition", "p"))
                .where("p.status = :status", "status", status)
                .where("p.updatedAt >= :updatedSince", "updatedSince", updatedSince);
    }
}
