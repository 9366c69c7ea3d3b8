package org.parley.negotiation.service;

import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.ParticipantRole;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Proposal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One proposal's clauses (rows, in order) × its negotiation's parties (columns), each cell a party's current
 * status, with the stances on the proposal as a whole and the counts a desk reads first.
 */
public record Board(Proposal proposal, List<Column> parties, List<Row> clauses, List<Cell> proposalPositions, Summary summary) {

    /** A party of the negotiation; slug and name are null while party-service has not published it. */
    public record Column(UUID partyId, String slug, String name, ParticipantRole role) {
    }

    public record Row(Clause clause, List<Cell> cells) {
    }

    /**
     * @param changedAt         when the status last changed; null when none was ever stated
     * @param clausesDisclosed  proposal-level cells: whether the affected clauses were named; null otherwise
     */
    public record Cell(UUID partyId, PositionStatus status, Instant changedAt, Boolean clausesDisclosed, List<UUID> affectedClauseIds) {
    }

    public record Summary(int clauses, int acceptedByAllPrincipals, int contested, int rejected, int noStatedPosition) {
    }
}
