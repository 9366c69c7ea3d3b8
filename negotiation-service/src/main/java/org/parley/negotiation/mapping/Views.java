package org.parley.negotiation.mapping;

import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.model.PositionChange;
import org.parley.negotiation.model.Proposal;
import org.parley.negotiation.rest.ClauseView;
import org.parley.negotiation.rest.NegotiatingParty;
import org.parley.negotiation.rest.NegotiationView;
import org.parley.negotiation.rest.PositionChangeRow;
import org.parley.negotiation.rest.PositionChangeView;
import org.parley.negotiation.rest.PositionView;
import org.parley.negotiation.rest.ProposalView;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Entity → API representation. Collections come out sorted, so that equal states have equal views. */
public final class Views {

    private Views() {
    }

    public static NegotiationView negotiation(Negotiation n) {
        List<NegotiatingParty> parties = n.parties.stream()
                .sorted(Comparator.comparing((org.parley.negotiation.model.Participation p) -> p.role).thenComparing(p -> p.partyId))
                .map(p -> new NegotiatingParty(p.partyId, p.role)).toList();
        return new NegotiationView(n.id, n.title, n.status, n.startedOn, n.endedOn, parties, n.createdAt, n.updatedAt);
    }

    public static ProposalView proposal(Proposal p) {
        return new ProposalView(p.id, p.negotiationId, p.title, p.sponsorPartyId, p.documentVersion, p.supersedesProposalId,
                p.status, p.status.next(), p.summary, List.copyOf(p.sources), p.createdAt, p.updatedAt);
    }

    public static ClauseView clause(Clause c) {
        return new ClauseView(c.id, c.proposalId, c.label, c.ordinal, c.heading, c.text, c.topic, c.derivedFromClauseId, c.createdAt, c.updatedAt);
    }

    public static PositionView position(PartyPosition p) {
        boolean onProposal = p.onProposal();
        return new PositionView(p.id, onProposal ? PositionView.Level.PROPOSAL : PositionView.Level.CLAUSE,
                p.negotiationId, p.proposalId, p.clauseId, p.partyId, p.status, p.note, List.copyOf(p.sources),
                !onProposal || p.affectedClauseIds != null, onProposal ? p.affectedClauseIds : null,
                p.recordedAt, p.recordedBy, p.updatedAt);
    }

    public static PositionChangeView change(PositionChange c) {
        return new PositionChangeView(c.id, c.status, c.previousStatus, c.note, c.sources, c.affectedClauseIds, c.recordedAt, c.recordedBy);
    }

    /** A change with the position it belongs to, for the export (the timeline itself is read per position). */
    public static PositionChangeRow changeRow(PositionChange c, UUID negotiationId, UUID proposalId, UUID clauseId, UUID partyId) {
        return new PositionChangeRow(c.id, c.positionId, negotiationId, proposalId, clauseId, partyId,
                clauseId == null ? PositionView.Level.PROPOSAL : PositionView.Level.CLAUSE, c.status, c.previousStatus, c.note,
                List.copyOf(c.sources), c.affectedClauseIds, c.recordedAt, c.recordedBy, c.createdAt);
    }

    private static List<UUID> sorted(Collection<UUID> ids) {
        return ids.stream().sorted().toList();
    }
}
