package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.ParticipantRole;
import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Proposal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The clause × party matrix of one proposal, from four queries whatever its size: the proposal, the
 * negotiation's parties (with their names from the party copy), the clauses, and the current positions
 * (party_position by proposal_id). The history table is never read here, so its growth does not slow the board.
 */
@ApplicationScoped
public class BoardService {

    private static final Set<PositionStatus> ACCEPTING = EnumSet.of(PositionStatus.ACCEPTED, PositionStatus.ACCEPTED_WITH_RESERVATIONS);

    @Inject
    ProposalService proposals;

    @Inject
    EntityManager em;

    public Board board(UUID proposalId) {
        Proposal proposal = proposals.get(proposalId);
        List<Board.Column> columns = em.createQuery(
                        "select p.partyId, k.slug, k.name, p.role from Negotiation n join n.parties p"
                                + " left join KnownParty k on k.id = p.partyId where n.id = :negotiation", Object[].class)
                .setParameter("negotiation", proposal.negotiationId).getResultList().stream()
                .map(r -> new Board.Column((UUID) r[0], (String) r[1], (String) r[2], (ParticipantRole) r[3]))
                .sorted(Comparator.comparing(Board.Column::role)
                        .thenComparing(c -> c.slug() == null ? "~" + c.partyId() : c.slug()))
                .toList();
        List<Clause> clauses = em.createQuery("from Clause c where c.proposalId = :p order by c.ordinal", Clause.class)
                .setParameter("p", proposalId).getResultList();
        List<PartyPosition> positions = em.createQuery("from PartyPosition p where p.proposalId = :p", PartyPosition.class)
                .setParameter("p", proposalId).getResultList();

        Map<UUID, Map<UUID, PartyPosition>> byClause = new HashMap<>();
        Map<UUID, PartyPosition> onProposal = new HashMap<>();
        for (PartyPosition p : positions) {
            if (p.clauseId == null) {
                onProposal.put(p.partyId, p);
            } else {
                byClause.computeIfAbsent(p.clauseId, k -> new HashMap<>()).put(p.partyId, p);
            }
        }

        int acceptedByAllPrincipals = 0, contested = 0, rejected = 0, unstated = 0;
        boolean anyPrincipal = columns.stream().anyMatch(c -> c.role() == ParticipantRole.PRINCIPAL);
        List<Board.Row> rows = new ArrayList<>(clauses.size());
        for (Clause clause : clauses) {
            Map<UUID, PartyPosition> stances = byClause.getOrDefault(clause.id, Map.of());
            List<Board.Cell> cells = new ArrayList<>(columns.size());
            boolean allPrincipalsAccept = anyPrincipal, anyContested = false, anyRejected = false, anyStated = false;
            for (Board.Column column : columns) {
                PartyPosition p = stances.get(column.partyId());
                PositionStatus status = p == null ? PositionStatus.NOT_STATED : p.status;
                cells.add(new Board.Cell(column.partyId(), status, p == null ? null : p.recordedAt, null, null));
                if (column.role() == ParticipantRole.PRINCIPAL && !ACCEPTING.contains(status)) {
                    allPrincipalsAccept = false;
                }
                anyContested |= status == PositionStatus.CONTESTED;
                anyRejected |= status == PositionStatus.REJECTED;
                anyStated |= status != PositionStatus.NOT_STATED;
            }
            acceptedByAllPrincipals += allPrincipalsAccept ? 1 : 0;
            contested += anyContested ? 1 : 0;
            rejected += anyRejected ? 1 : 0;
            unstated += anyStated ? 0 : 1;
            rows.add(new Board.Row(clause, cells));
        }
        List<Board.Cell> proposalCells = columns.stream().map(column -> {
            PartyPosition p = onProposal.get(column.partyId());
            return p == null
                    ? new Board.Cell(column.partyId(), PositionStatus.NOT_STATED, null, null, null)
                    : new Board.Cell(column.partyId(), p.status, p.recordedAt, p.affectedClauseIds != null, p.affectedClauseIds);
        }).toList();
        return new Board(proposal, columns, rows, proposalCells,
                new Board.Summary(clauses.size(), acceptedByAllPrincipals, contested, rejected, unstated));
    }
}
