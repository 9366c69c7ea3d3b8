package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.parley.api.ApiException;
import org.parley.api.ChangeAuthor;
import org.parley.api.PageRequest;
import org.parley.api.Pager;
import org.parley.api.Preconditions;
import org.parley.api.StoreConstraints;
import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.model.PositionChange;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Proposal;
import org.parley.negotiation.model.Source;
import org.parley.negotiation.repository.ListQuery;
import org.parley.negotiation.repository.PositionFilter;
import org.parley.negotiation.repository.PositionWrites;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where each party stands. The current stance lives in party_position (what the board reads); every change
 * is also appended to position_change (the timeline). Saying the same thing again changes nothing.
 */
@ApplicationScoped
public class PositionService {

    private static final Map<String, String> SORTS = Map.of("updatedAt", "updatedAt", "recordedAt", "recordedAt");
    /** Clocks differ; a stance "recorded" a little in the future is tolerated, one next week is a typo. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public record Outcome(PartyPosition position, boolean created) {
    }

    private record Stance(PositionStatus status, String note, List<Source> sources, Instant recordedAt, String recordedBy,
                          List<UUID> affectedClauseIds) {
    }

    @Inject
    KnownReferences known;

    @Inject
    NegotiationEvents events;

    @Inject
    ProposalService proposals;

    @Inject
    EntityManager em;

    @Inject
    PositionWrites writes;

    /** recordedBy is the token's subject: the server's word, never the client's. */
    @Inject
    ChangeAuthor author;

    @Transactional
    public Outcome recordOnClause(UUID clauseId, UUID partyId, String ifMatch, RecordPosition input) {
        Context context = context("from Clause c join Proposal p on p.id = c.proposalId join Negotiation n on n.id = p.negotiationId"
                + " left join fetch n.parties left join PartyPosition pp on pp.clauseId = c.id and pp.partyId = :party", clauseId, partyId, "c")
                .orElseThrow(() -> ApiException.notFound("Clause", clauseId));
        Stance stance = new Stance(input.status(), blankToNull(input.note()), Sources.required(input.sources(), "A position"),
                input.recordedAt(), author.subject(), null);
        return record(context, clauseId, partyId, ifMatch, stance);
    }

    @Transactional
    public Outcome recordOnProposal(UUID proposalId, UUID partyId, String ifMatch, RecordPosition input) {
        Context context = context("from Proposal p join Negotiation n on n.id = p.negotiationId left join fetch n.parties"
                + " left join PartyPosition pp on pp.proposalId = p.id and pp.partyId = :party and pp.clauseId is null", proposalId, partyId, "p")
                .orElseThrow(() -> ApiException.notFound("Proposal", proposalId));
        List<UUID> affected = input.affectedClauseIds() == null ? null
                : input.affectedClauseIds().stream().distinct().sorted().toList();
        if (affected != null && !affected.isEmpty()) {
            List<UUID> found = em.createQuery("select c.id from Clause c where c.proposalId = :p and c.id in :ids", UUID.class)
                    .setParameter("p", proposalId).setParameter("ids", affected).getResultList();
            Set<UUID> missing = new HashSet<>(affected);
            found.forEach(missing::remove);
            if (!missing.isEmpty()) {
                throw ApiException.unknownReference("affectedClauseIds are not clauses of proposal " + proposalId + ": "
                        + missing.stream().map(UUID::toString).sorted().collect(Collectors.joining(", ")));
            }
        }
        Stance stance = new Stance(input.status(), blankToNull(input.note()), Sources.required(input.sources(), "A position"),
                input.recordedAt(), author.subject(), affected);
        return record(context, null, partyId, ifMatch, stance);
    }

    /** What a write starts from: the proposal (its negotiation is in the session), the current stance if any, and whether the party is known. */
    private record Context(Proposal proposal, PartyPosition current, boolean partyKnown) {
    }

    /**
     * A position write's reads, in one statement: the proposal and its negotiation with the negotiation's parties
     * (and the clause, for a clause), the party's current stance, and whether the party copy knows the party. All
     * are then made read-only, as the write never changes them through the session (a stance's change is written by
     * PositionWrites): the session drops their snapshots and its flushes do not dirty-check them. The alert rules find them in the session.
     *
     * @param from the joins, with {@code :id} the id of the row aliased {@code root} and {@code pp} the stance
     */
    private Optional<Context> context(String from, UUID id, UUID partyId, String root) {
        Session session = em.unwrap(Session.class);
        return em.createQuery("select p, n, pp, k.id " + from
                        + " left join KnownParty k on k.id = :party and k.removed = false where " + root + ".id = :id", Object[].class)
                .setParameter("id", id)
                .setParameter("party", partyId)
                .getResultList().stream()
                .findFirst()
                .map(row -> {
                    session.setReadOnly(row[0], true);
                    session.setReadOnly(row[1], true);
                    if (row[2] != null) {
                        // A change to it is written by PositionWrites, not by a flush.
                        session.setReadOnly(row[2], true);
                    }
                    return new Context((Proposal) row[0], (PartyPosition) row[2], row[3] != null);
                });
    }

    private Outcome record(Context context, UUID clauseId, UUID partyId, String ifMatch, Stance stance) {
        if (!context.partyKnown()) {
            // Says which party and why, as every write that names an unknown party does.
            known.requireParties(List.of(partyId));
        }
        Proposal proposal = context.proposal();
        PartyPosition current = context.current();
        Negotiation negotiation = Negotiation.findById(proposal.negotiationId);
        if (negotiation.parties.stream().noneMatch(p -> p.partyId.equals(partyId))) {
            throw ApiException.unprocessable("not-a-participant", "Not a participant", "Party " + partyId
                    + " does not take part in negotiation " + negotiation.id + "; add it to the negotiation's parties first");
        }
        Instant now = Clock.now();
        Instant recordedAt = stance.recordedAt() == null ? now : stance.recordedAt();
        if (recordedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ApiException.badRequest("recordedAt " + recordedAt + " is in the future");
        }
        if (current == null) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
                throw new ApiException(412, "precondition-failed", "Precondition failed",
                        "No position is recorded yet, so If-Match " + ifMatch.strip() + " cannot match; send the first one without If-Match");
            }
            PartyPosition p = new PartyPosition();
            p.id = UUID.randomUUID();
            p.negotiationId = proposal.negotiationId;
            p.proposalId = proposal.id;
            p.clauseId = clauseId;
            p.partyId = partyId;
            p.createdAt = now;
            apply(p, stance, recordedAt, now);
            p.persist();
            append(p, null, now);
            // party_position_on_clause / _on_proposal: a first stance written by another request since the read above.
            StoreConstraints.flush(em::flush, Map.of("party_position_on",
                    () -> ApiException.conflict("Another write recorded this position at the same moment; read it and send If-Match")));
            events.positionChanged(p, null);
            return new Outcome(p, true);
        }
        Preconditions.requireMatch(ifMatch, current.version);
        if (current.status == stance.status() && Objects.equals(current.note, stance.note())
                && Objects.equals(current.affectedClauseIds, stance.affectedClauseIds())) {
            return new Outcome(current, false);
        }
        if (recordedAt.isBefore(current.recordedAt)) {
            throw ApiException.conflict("recordedAt " + recordedAt + " is before the current stance (recorded at " + current.recordedAt
                    + "); a position's timeline only moves forward");
        }
        PositionStatus previous = current.status;
        // current is read-only in the session: the stance, its timeline row, the event and the audit entry go in one
        // round trip of plain JDBC, which checks the version (a stale one is a 412) and raises it in memory.
        apply(current, stance, recordedAt, now);
        events.positionChanged(current, previous, writes.change(current, previous));
        return new Outcome(current, false);
    }

    private static void apply(PartyPosition p, Stance stance, Instant recordedAt, Instant now) {
        p.status = stance.status();
        p.note = stance.note();
        p.sources = stance.sources();
        p.affectedClauseIds = stance.affectedClauseIds();
        p.recordedAt = recordedAt;
        p.recordedBy = stance.recordedBy();
        p.updatedAt = now;
    }

    private static void append(PartyPosition p, PositionStatus previous, Instant now) {
        PositionChange change = new PositionChange();
        change.positionId = p.id;
        change.status = p.status;
        change.previousStatus = previous;
        change.note = p.note;
        change.sources = p.sources;
        change.affectedClauseIds = p.affectedClauseIds;
        change.recordedAt = p.recordedAt;
        change.recordedBy = p.recordedBy;
        change.createdAt = now;
        change.persist();
    }

    public PartyPosition onClause(UUID clauseId, UUID partyId) {
        if (Clause.findById(clauseId) == null) {
            throw ApiException.notFound("Clause", clauseId);
        }
        PartyPosition p = PartyPosition.find("clauseId = ?1 and partyId = ?2", clauseId, partyId).firstResult();
        if (p == null) {
            throw new ApiException(404, "not-found", "Not found", "Party " + partyId + " has no recorded position on clause " + clauseId);
        }
        return p;
    }

    public PartyPosition onProposal(UUID proposalId, UUID partyId) {
        proposals.get(proposalId);
        PartyPosition p = PartyPosition.find("proposalId = ?1 and partyId = ?2 and clauseId is null", proposalId, partyId).firstResult();
        if (p == null) {
            throw new ApiException(404, "not-found", "Not found", "Party " + partyId + " has no recorded position on proposal " + proposalId);
        }
        return p;
    }

    /** The timeline, oldest first. Served from the (position_id, recorded_at, id) index. */
    public org.parley.api.Page<PositionChange> history(PartyPosition position, Instant updatedSince, String sort, PageRequest request) {
        ListQuery query = ListQuery.from("PositionChange", "h")
                .where("h.positionId = :position", "position", position.id)
                .where("h.createdAt >= :updatedSince", "updatedSince", updatedSince);
        // Changes are only appended (never deleted), and their ids are a sequence.
        return query.page(PositionChange.class, request, sort, () -> query.order(sort, Map.of("recordedAt", "recordedAt")),
                new Pager.ChangeColumns("h.changeXid", "h.id", Long::valueOf, null));
    }

    public org.parley.api.Page<PartyPosition> list(PositionFilter filter, String sort, PageRequest request) {
        ListQuery query = filter.positions();
        return query.page(PartyPosition.class, request, sort, () -> query.order(sort, SORTS), "party_position");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
