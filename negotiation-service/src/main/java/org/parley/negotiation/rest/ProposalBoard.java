package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.ClauseTopic;
import org.parley.negotiation.model.ParticipantRole;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.ProposalStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ProposalBoard", description = "Clauses (rows, in order) × the negotiation's parties (columns): each cell is the party's current status on the clause")
public record ProposalBoard(UUID proposalId, UUID negotiationId, String title, ProposalStatus status,
                            @Schema(description = "The columns, in the order of the cells") List<Column> parties,
                            List<Row> clauses,
                            @Schema(description = "The stances on the proposal as a whole, one cell per party") List<Cell> proposalPositions,
                            Summary summary) {

    @Schema(name = "ProposalBoardColumn")
    public record Column(UUID partyId, @Schema(description = "Null if party-service has not published it", nullable = true) String slug, @Schema(nullable = true) String name, ParticipantRole role) {
    }

    @Schema(name = "ProposalBoardRow")
    public record Row(UUID clauseId, String label, int position, @Schema(nullable = true) String heading, ClauseTopic topic, List<Cell> cells) {
    }

    @Schema(name = "ProposalBoardCell")
    public record Cell(UUID partyId, PositionStatus status,
                       @Schema(description = "When the status last changed; null when none was ever stated", nullable = true) Instant changedAt,
                       @Schema(description = "Proposal-level cells: whether the affected clauses were named; null in clause cells and where no stand was taken", nullable = true) Boolean clausesDisclosed,
                       @Schema(nullable = true) List<UUID> affectedClauseIds) {
    }

    @Schema(name = "ProposalBoardSummary", description = "Counts of clauses. Accepted counts accepted and accepted_with_reservations; "
            + "a clause is contested (rejected) when any party contests (rejects) it, and unstated when no party stated a position")
    public record Summary(int clauses, int acceptedByAllPrincipals, int contested, int rejected, int noStatedPosition) {
    }
}
