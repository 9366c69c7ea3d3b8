package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.parley.api.ApiException;
import org.parley.api.PageRequest;
import org.parley.api.Preconditions;
import org.parley.api.StoreConstraints;
import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.ClauseTopic;
import org.parley.negotiation.model.Proposal;
import org.parley.negotiation.repository.ListQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ClauseService {

    private static final Map<String, String> SORTS = Map.of("position", "ordinal", "updatedAt", "updatedAt");
    /** A guard against runaway recursion; real lineages are a handful of versions deep. */
    private static final int MAX_LINEAGE_DEPTH = 200;

    /** What an edit can change; an edit that leaves it equal writes nothing and emits no event. */
    private record State(String label, String heading, String text, ClauseTopic topic, UUID derivedFromClauseId) {
        static State of(Clause c) {
            return new State(c.label, c.heading, c.text, c.topic, c.derivedFromClauseId);
        }
    }

    @Inject
    ProposalService proposals;

    @Inject
    NegotiationEvents events;

    @Inject
    EntityManager em;

    @Transactional
    public Clause add(UUID proposalId, RecordClause input) {
        Proposal proposal = proposals.get(proposalId);
        requireFreeLabel(proposal.id, input.label().strip(), null);
        requireLineage(proposal, input.derivedFromClauseId());
        Integer last = em.createQuery("select max(c.ordinal) from Clause c where c.proposalId = :p", Integer.class)
                .setParameter("p", proposal.id).getSingleResult();
        Clause c = new Clause();
        c.id = UUID.randomUUID();
        c.proposalId = proposal.id;
        c.ordinal = last == null ? 1 : last + 1;
        apply(c, input);
        c.createdAt = c.updatedAt = Clock.now();
        c.persist();
        flushLabel(proposal.id, c.label);
        events.clauseAdded(c, proposal);
        return c;
    }

    @Transactional
    public Clause edit(UUID id, String ifMatch, RecordClause input) {
        Clause c = get(id);
        Preconditions.requireMatch(ifMatch, c.version);
        Proposal proposal = proposals.get(c.proposalId);
        requireFreeLabel(proposal.id, input.label().strip(), c.id);
        requireLineage(proposal, input.derivedFromClauseId());
        State before = State.of(c);
        apply(c, input);
        if (State.of(c).equals(before)) {
            return c;
        }
        c.updatedAt = Clock.now();
        flushLabel(proposal.id, c.label);
        events.clauseEdited(c, proposal);
        return c;
    }

    /** Puts the proposal's clauses in the given order. The list must name each of them exactly once. */
    @Transactional
    public List<Clause> reorder(UUID proposalId, String ifMatch, List<UUID> order) {
        Proposal proposal = proposals.get(proposalId);
        Preconditions.requireMatch(ifMatch, proposal.version);
        Set<UUID> seen = new HashSet<>();
        List<UUID> duplicates = order.stream().filter(id -> !seen.add(id)).distinct().toList();
        if (!duplicates.isEmpty()) {
            throw ApiException.badRequest("Each clause id must appear once; repeated: " + join(duplicates));
        }
        List<Clause> clauses = Clause.list("proposalId = ?1 order by ordinal", proposal.id);
        Set<UUID> existing = clauses.stream().map(c -> c.id).collect(Collectors.toCollection(LinkedHashSet::new));
        List<UUID> missing = existing.stream().filter(id -> !seen.contains(id)).toList();
        List<UUID> foreign = order.stream().filter(id -> !existing.contains(id)).toList();
        if (!missing.isEmpty() || !foreign.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!missing.isEmpty()) {
                problems.add("missing: " + join(missing));
            }
            if (!foreign.isEmpty()) {
                problems.add("not clauses of this proposal: " + join(foreign));
            }
            throw ApiException.conflict("The order must list every clause of proposal " + proposal.id + " exactly once ("
                    + existing.size() + " clauses); " + String.join("; ", problems));
        }
        Map<UUID, Clause> byId = clauses.stream().collect(Collectors.toMap(c -> c.id, c -> c));
        if (clauses.stream().map(c -> c.id).toList().equals(order)) {
            return clauses;
        }
        Instant now = Clock.now();
        List<Clause> result = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Clause c = byId.get(order.get(i));
            if (c.ordinal != i + 1) {
                c.ordinal = i + 1;
                c.updatedAt = now;
            }
            result.add(c);
        }
        // The order is part of the proposal: its ETag moves, so a second reorder based on the old one gets 412.
        proposal.updatedAt = now;
        em.flush();
        events.clausesReordered(proposal, result);
        return result;
    }

    public Clause get(UUID id) {
        Clause c = Clause.findById(id);
        if (c == null) {
            throw ApiException.notFound("Clause", id);
        }
        return c;
    }

    public org.parley.api.Page<Clause> list(UUID proposalId, Instant updatedSince, String sort, PageRequest request) {
        proposals.get(proposalId);
        ListQuery query = ListQuery.from("Clause", "c")
                .where("c.proposalId = :proposal", "proposal", proposalId)
                .where("c.updatedAt >= :updatedSince", "updatedSince", updatedSince);
        return query.page(Clause.class, request, sort, () -> query.order(sort, SORTS), "clause");
    }

    /** Ancestors nearest first up the derived-from links, and every descendant, nearest first: two recursive queries. */
    public Lineage lineage(UUID id) {
        Clause clause = get(id);
        String columns = "c.id, c.proposal_id, c.label, c.heading, c.derived_from_clause_id";
        String ancestors = "with recursive up as ("
                + " select " + columns + ", 1 as distance from clause c where c.id = (select derived_from_clause_id from clause where id = :id)"
                + " union all select " + columns + ", up.distance + 1 from clause c join up on c.id = up.derived_from_clause_id where up.distance < " + MAX_LINEAGE_DEPTH
                + ") select up.id, up.proposal_id, p.document_version, up.label, up.heading, up.derived_from_clause_id, up.distance"
                + " from up join proposal p on p.id = up.proposal_id order by up.distance";
        String descendants = "with recursive down as ("
                + " select " + columns + ", 1 as distance from clause c where c.derived_from_clause_id = :id"
                + " union all select " + columns + ", down.distance + 1 from clause c join down on c.derived_from_clause_id = down.id where down.distance < " + MAX_LINEAGE_DEPTH
                + ") select down.id, down.proposal_id, p.document_version, down.label, down.heading, down.derived_from_clause_id, down.distance"
                + " from down join proposal p on p.id = down.proposal_id order by down.distance, p.document_version, down.label";
        return new Lineage(clause, entries(ancestors, id), entries(descendants, id));
    }

    @SuppressWarnings("unchecked")
    private List<Lineage.Step> entries(String sql, UUID id) {
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("id", id).getResultList();
        return rows.stream().map(r -> new Lineage.Step((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), (String) r[3],
                (String) r[4], (UUID) r[5], ((Number) r[6]).intValue())).toList();
    }

    /** Writes the clause now, so that a label taken by a concurrent write since {@link #requireFreeLabel} gets the same 409. */
    private void flushLabel(UUID proposalId, String label) {
        StoreConstraints.flush(em::flush, Map.of("clause_label", () -> labelTaken(proposalId, label)));
    }

    private static ApiException labelTaken(UUID proposalId, String label) {
        return ApiException.conflict("Proposal " + proposalId + " already has a clause labelled '" + label + "'");
    }

    private void requireFreeLabel(UUID proposalId, String label, UUID self) {
        long taken = Clause.count("proposalId = ?1 and label = ?2 and id <> ?3", proposalId, label, self == null ? new UUID(0, 0) : self);
        if (taken > 0) {
            throw labelTaken(proposalId, label);
        }
    }

    /**
     * A clause comes from a clause of an earlier version: a proposal this one supersedes, directly or through
     * others. Since a proposal can only supersede one that already exists, lineage can never loop.
     */
    private void requireLineage(Proposal proposal, UUID derivedFromClauseId) {
        if (derivedFromClauseId == null) {
            return;
        }
        Clause origin = Clause.findById(derivedFromClauseId);
        if (origin == null) {
            throw ApiException.unknownReference("Unknown derivedFromClauseId: clause " + derivedFromClauseId + " does not exist");
        }
        Set<UUID> earlier = new HashSet<>();
        UUID cursor = proposal.supersedesProposalId;
        while (cursor != null && earlier.add(cursor) && earlier.size() <= MAX_LINEAGE_DEPTH) {
            Proposal p = Proposal.findById(cursor);
            cursor = p == null ? null : p.supersedesProposalId;
        }
        if (!earlier.contains(origin.proposalId)) {
            throw ApiException.unprocessable("invalid-lineage", "Invalid lineage", "Clause " + derivedFromClauseId + " belongs to proposal "
                    + origin.proposalId + ", which proposal " + proposal.id + " does not supersede; a clause can only come from an earlier version");
        }
    }

    private static void apply(Clause c, RecordClause input) {
        c.label = input.label().strip();
        c.heading = input.heading();
        c.text = input.text();
        c.topic = input.topic();
        c.derivedFromClauseId = input.derivedFromClauseId();
    }

    private static String join(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(", "));
    }
}
