package org.parley.negotiation.mapping;

import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.model.PositionChange;
import org.parley.negotiation.model.PositionLevel;
import org.parley.negotiation.rest.PositionChangeRow;
import org.parley.negotiation.rest.PositionChangeView;
import org.parley.negotiation.rest.PositionInput;
import org.parley.negotiation.rest.PositionView;
import org.parley.negotiation.rest.ProposalPositionInput;
import org.parley.negotiation.service.RecordPosition;

import java.util.List;
import java.util.UUID;

/** Between positions (the current stance and its timeline) and their API shapes. */
public final class PositionMapper {

    private PositionMapper() {
    }

    public static PositionView toView(PartyPosition p) {
        boolean onProposal = p.onProposal();
        return new PositionView(p.id, PositionLevel.of(p),
                p.negotiationId, p.proposalId, p.clauseId, p.partyId, p.status, p.note, List.copyOf(p.sources),
                !onProposal || p.affectedClauseIds != null, onProposal ? p.affectedClauseIds : null,
                p.recordedAt, p.recordedBy, p.updatedAt);
    }

    public static PositionChangeView toView(PositionChange c) {
        return new PositionChangeView(c.id, c.status, c.previousStatus, c.note, c.sources, c.affectedClauseIds, c.recordedAt, c.recordedBy);
    }

    /** A change with the position it belongs to, for the export (the timeline itself is read per position). */
    public static PositionChangeRow toView(PositionChange c, UUID negotiationId, UUID proposalId, UUID clauseId, UUID partyId) {
        return new PositionChangeRow(c.id, c.positionId, negotiationId, proposalId, clauseId, partyId,
                clauseId == null ? PositionLevel.PROPOSAL : PositionLevel.CLAUSE, c.status, c.previousStatus, c.note,
                List.copyOf(c.sources), c.affectedClauseIds, c.recordedAt, c.recordedBy, c.createdAt);
    }

    /** A stance on a clause names no clauses of its own. recordedBy is not taken: the server records the token's subject. */
    public static RecordPosition toCommand(PositionInput input) {
        return new RecordPosition(input.status(), input.note(), input.sources(), input.recordedAt(), null);
    }

    public static RecordPosition toCommand(ProposalPositionInput input) {
        return new RecordPosition(input.status(), input.note(), input.sources(), input.recordedAt(), input.affectedClauseIds());
    }
}
