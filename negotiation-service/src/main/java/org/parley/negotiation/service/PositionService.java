package org.parley.negotiation.service;

import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.parley.api.ApiException;
import org.parley.api.ChangeAuthor;
import org.parley.api.PageRequest;
import org.parley.api.Pager;
import org.parley.api.Preconditions;
import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.model.PositionChange;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Proposal;
import org.parley.negotiation.model.Source;
import org.parley.negotiation.repository.ListQuery;
import org.parley.negotiation.rest.PositionInput;
import org.parley.negotiation.rest.PositionView;
import org.parley.negotiation.rest.ProposalPositionInput;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    /** recordedBy is the token's subject: the server's word, never the client's. */
    @Inject
    ChangeAuthor author;

    @Transactional
    public Outcome recordOnClause(UUID clauseId, UUID partyId, String ifMatch, PositionInput input) {
        Clause clause = Clause.findById(clauseId);
        if (clause == null) {
            throw ApiException.notFound("Clause", clauseId);
        }
        Proposal proposal = proposals.get(clause.proposalId);
        Stance stance = new Stance(input.status(), blankToNull(input.note()), Sources.required(input.sources(), "A position"),
                input.recordedAt(), author.subject(), null);
        PartyPosition current = PartyPosition.find("clauseId = ?1 and partyId = ?2", clauseId, partyId).firstResult();
        return record(proposal, clauseId, partyId, ifMatch, stance, current);
    }

    @Transactional
    public Outcome recordOnProposal(UUID proposalId, UUID partyId, String ifMatch, ProposalPositionInput input) {
        Proposal proposal = proposals.get(proposalId);
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
        PartyPosition current = PartyPosition.find("proposalId = ?1 and partyId = ?2 and clauseId is null", proposalId, partyId).firstResult();
        return record(proposal, null, partyId, ifMatch, stance, current);
    }

    private Outcome record(Proposal proposal, UUID clauseId, UUID partyId, String ifMatch, Stance stance, PartyPosition current) {
        known.requireParties(List.of(partyId));
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
            try {
                p.persist();
                append(p, null, now);
                em.flush();
            } catch (PersistenceException e) {
                if (e instanceof org.hibernate.exception.ConstraintViolationException || e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
                    throw ApiException.conflict("Another write recorded this position at the same moment; read it and send If-Match");
                }
                throw e;
            }
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
        apply(current, stance, recordedAt, now);
        append(current, previous, now);
        em.flush();
        events.positionChanged(current, previous);
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

    public org.parley.api.Page<PartyPosition> list(UUID negotiation, UUID party, UUID proposal, UUID clause, PositionStatus status,
                                                   PositionView.Level level, Instant updatedSince, String sort, PageRequest request) {
        ListQuery query = ListQuery.from("PartyPosition", "p")
                .where("p.negotiationId = :negotiation", "negotiation", negotiation)
                .where("p.partyId = :party", "party", party)
                .where("p.proposalId = :proposal", "proposal", proposal)
                .where("p.clauseId = :clause", "clause", clause)
                .where("p.status = :status", "status", status)
                .where("p.updatedAt >= :updatedSince", "updatedSince", updatedSince);
        if (level == PositionView.Level.PROPOSAL) {
            query.where("p.clauseId is null");
        } else if (level == PositionView.Level.CLAUSE) {
            query.where("p.clauseId is not null");
        }
        return query.page(PartyPosition.class, request, sort, () -> query.order(sort, SORTS), "party_position");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
