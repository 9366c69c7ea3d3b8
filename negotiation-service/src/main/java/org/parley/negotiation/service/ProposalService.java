package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.parley.api.ApiException;
import org.parley.api.PageRequest;
import org.parley.api.Preconditions;
import org.parley.api.Vocabulary;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.Proposal;
import org.parley.negotiation.model.ProposalStatus;
import org.parley.negotiation.model.Source;
import org.parley.negotiation.repository.ListQuery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ProposalService {

    private static final Map<String, String> SORTS = Map.of("createdAt", "createdAt", "updatedAt", "updatedAt", "version", "documentVersion", "title", "title");

    /** What an edit can change; an edit that leaves it equal writes nothing and emits no event. */
    private record State(String title, UUID sponsorPartyId, int documentVersion, String summary, List<Source> sources) {
        static State of(Proposal p) {
            return new State(p.title, p.sponsorPartyId, p.documentVersion, p.summary, List.copyOf(p.sources));
        }
    }

    @Inject
    KnownReferences known;

    @Inject
    NegotiationEvents events;

    @Inject
    EntityManager em;

    /**
     * Records a proposal. When it names the version it supersedes, that one becomes superseded in the same
     * transaction, so that no reader ever sees two live versions or a dangling link.
     */
    @Transactional
    public Proposal table(TableProposal input) {
        ProposalStatus status = input.status() == null ? ProposalStatus.DRAFT : input.status();
        if (status != ProposalStatus.DRAFT && status != ProposalStatus.TABLED) {
            throw ApiException.badRequest("A new proposal starts as draft or tabled; got " + Vocabulary.wireName(status)
                    + " (move it on afterwards through /api/v1/proposals/{id}/status)");
        }
        if (Negotiation.findById(input.negotiationId()) == null) {
            throw ApiException.unknownReference("Unknown negotiation id: " + input.negotiationId());
        }
        known.requireParties(List.of(input.sponsorPartyId()));
        Proposal superseded = null;
        if (input.supersedesProposalId() != null) {
            superseded = Proposal.findById(input.supersedesProposalId());
            if (superseded == null || !superseded.negotiationId.equals(input.negotiationId())) {
                throw ApiException.unknownReference("Unknown supersedesProposalId " + input.supersedesProposalId()
                        + ": no such proposal in negotiation " + input.negotiationId());
            }
            if (!superseded.status.canMoveTo(ProposalStatus.SUPERSEDED)) {
                throw ApiException.conflict("Proposal " + superseded.id + " is " + Vocabulary.wireName(superseded.status)
                        + " and cannot be superseded; allowed next: " + allowed(superseded.status));
            }
        }
        Proposal p = new Proposal();
        p.id = UUID.randomUUID();
        p.negotiationId = input.negotiationId();
        p.title = input.title().strip();
        p.sponsorPartyId = input.sponsorPartyId();
        p.documentVersion = input.version();
        p.supersedesProposalId = input.supersedesProposalId();
        p.status = status;
        p.summary = input.summary();
        p.sources = Sources.optional(input.sources());
        p.createdAt = p.updatedAt = Clock.now();
        p.persist();
        ProposalStatus supersededWas = superseded == null ? null : superseded.status;
        if (superseded != null) {
            superseded.status = ProposalStatus.SUPERSEDED;
            superseded.updatedAt = p.createdAt;
        }
        em.flush();
        events.proposalTabled(p);
        if (superseded != null) {
            events.proposalStatusChanged(superseded, supersededWas, p.id);
        }
        return p;
    }

    @Transactional
    public Proposal update(UUID id, String ifMatch, EditProposal changes) {
        Proposal p = get(id);
        Preconditions.requireMatch(ifMatch, p.version);
        known.requireParties(List.of(changes.sponsorPartyId()));
        State before = State.of(p);
        p.title = changes.title().strip();
        p.sponsorPartyId = changes.sponsorPartyId();
        p.documentVersion = changes.version();
        p.summary = changes.summary();
        var sources = Sources.optional(changes.sources());
        if (!sources.equals(p.sources)) {
            p.sources = sources;
        }
        if (State.of(p).equals(before)) {
            return p;
        }
        p.updatedAt = Clock.now();
        em.flush();
        events.proposalUpdated(p);
        return p;
    }

    @Transactional
    public Proposal changeStatus(UUID id, String ifMatch, ProposalStatus target) {
        Proposal p = get(id);
        Preconditions.requireMatch(ifMatch, p.version);
        ProposalStatus previous = p.status;
        if (previous == target) {
            return p;
        }
        if (!previous.canMoveTo(target)) {
            throw ApiException.conflict("A " + Vocabulary.wireName(previous) + " proposal cannot become " + Vocabulary.wireName(target)
                    + "; allowed next: " + allowed(previous));
        }
        p.status = target;
        p.updatedAt = Clock.now();
        em.flush();
        events.proposalStatusChanged(p, previous, null);
        return p;
    }

    public Proposal get(UUID id) {
        Proposal p = Proposal.findById(id);
        if (p == null) {
            throw ApiException.notFound("Proposal", id);
        }
        return p;
    }

    public org.parley.api.Page<Proposal> list(UUID negotiation, UUID sponsor, ProposalStatus status, Instant updatedSince, String sort, PageRequest request) {
        ListQuery query = ListQuery.from("Proposal", "p")
                .where("p.negotiationId = :negotiation", "negotiation", negotiation)
                .where("p.sponsorPartyId = :sponsor", "sponsor", sponsor)
                .where("p.status = :status", "status", status)
                .where("p.updatedAt >= :updatedSince", "updatedSince", updatedSince);
        return query.page(Proposal.class, request, sort, () -> query.order(sort, SORTS), "proposal");
    }

    /** The statuses a proposal may move to next, for a refusal's detail. */
    private static String allowed(ProposalStatus from) {
        return from.isFinal() ? "none (it is final)" : from.next().stream().map(Vocabulary::wireName).collect(Collectors.joining(", "));
    }
}
