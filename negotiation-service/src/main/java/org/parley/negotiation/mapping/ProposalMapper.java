package org.parley.negotiation.mapping;

import org.parley.negotiation.model.Proposal;
import org.parley.negotiation.rest.ProposalBoard;
import org.parley.negotiation.rest.ProposalChanges;
import org.parley.negotiation.rest.ProposalInput;
import org.parley.negotiation.rest.ProposalView;
import org.parley.negotiation.service.Board;
import org.parley.negotiation.service.EditProposal;
import org.parley.negotiation.service.TableProposal;

import java.util.List;

/** Between the proposal (and its board) and their API shapes. */
public final class ProposalMapper {

    private ProposalMapper() {
    }

    public static ProposalView toView(Proposal p) {
        return new ProposalView(p.id, p.negotiationId, p.title, p.sponsorPartyId, p.documentVersion, p.supersedesProposalId,
                p.status, p.status.next(), p.summary, List.copyOf(p.sources), p.createdAt, p.updatedAt);
    }

    public static ProposalBoard toView(Board board) {
        Proposal p = board.proposal();
        return new ProposalBoard(p.id, p.negotiationId, p.title, p.status,
                board.parties().stream().map(c -> new ProposalBoard.Column(c.partyId(), c.slug(), c.name(), c.role())).toList(),
                board.clauses().stream().map(r -> new ProposalBoard.Row(r.clause().id, r.clause().label, r.clause().ordinal,
                        r.clause().heading, r.clause().topic, cells(r.cells()))).toList(),
                cells(board.proposalPositions()),
                new ProposalBoard.Summary(board.summary().clauses(), board.summary().acceptedByAllPrincipals(), board.summary().contested(),
                        board.summary().rejected(), board.summary().noStatedPosition()));
    }

    public static TableProposal toCommand(ProposalInput input) {
        return new TableProposal(input.negotiationId(), input.title(), input.sponsorPartyId(), input.version(), input.supersedesProposalId(),
                input.status(), input.summary(), input.sources());
    }

    public static EditProposal toCommand(ProposalChanges changes) {
        return new EditProposal(changes.title(), changes.sponsorPartyId(), changes.version(), changes.summary(), changes.sources());
    }

    private static List<ProposalBoard.Cell> cells(List<Board.Cell> cells) {
        return cells.stream().map(c -> new ProposalBoard.Cell(c.partyId(), c.status(), c.changedAt(), c.clausesDisclosed(), c.affectedClauseIds()))
                .toList();
    }
}
