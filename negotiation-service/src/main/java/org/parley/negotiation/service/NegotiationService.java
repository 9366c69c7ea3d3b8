package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.parley.api.ApiException;
import org.parley.api.PageRequest;
import org.parley.api.Preconditions;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.NegotiationStatus;
import org.parley.negotiation.model.Participation;
import org.parley.negotiation.repository.ListQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class NegotiationService {

    private static final Map<String, String> SORTS = Map.of("title", "title", "startedOn", "startedOn", "createdAt", "createdAt", "updatedAt", "updatedAt");

    /** What a client can change; an update that leaves it equal writes nothing and emits no event. */
    private record State(String title, NegotiationStatus status, LocalDate startedOn, LocalDate endedOn, Set<Participation> parties) {
        static State of(Negotiation n) {
            return new State(n.title, n.status, n.startedOn, n.endedOn, Set.copyOf(n.parties));
        }
    }

    @Inject
    KnownReferences known;

    @Inject
    NegotiationEvents events;

    @Inject
    EntityManager em;

    @Transactional
    public Negotiation start(RecordNegotiation input) {
        Set<Participation> parties = validate(input);
        Negotiation n = new Negotiation();
        n.id = UUID.randomUUID();
        apply(n, input, parties);
        n.createdAt = n.updatedAt = Clock.now();
        n.persistAndFlush();
        events.negotiationStarted(n);
        return n;
    }

    @Transactional
    public Negotiation update(UUID id, String ifMatch, RecordNegotiation input) {
        Negotiation n = get(id);
        Preconditions.requireMatch(ifMatch, n.version);
        Set<Participation> parties = validate(input);
        State before = State.of(n);
        apply(n, input, parties);
        if (State.of(n).equals(before)) {
            return n;
        }
        n.updatedAt = Clock.now();
        em.flush();
        events.negotiationUpdated(n);
        return n;
    }

    public Negotiation get(UUID id) {
        Negotiation n = Negotiation.findById(id);
        if (n == null) {
            throw ApiException.notFound("Negotiation", id);
        }
        return n;
    }

    public org.parley.api.Page<Negotiation> list(NegotiationStatus status, UUID party, Instant updatedSince, String sort, PageRequest request) {
        ListQuery query = ListQuery.from("Negotiation", "n")
                .where("n.status = :status", "status", status)
                .where("exists (select 1 from Negotiation n2 join n2.parties p where n2 = n and p.partyId = :party)", "party", party)
                .where("n.updatedAt >= :updatedSince", "updatedSince", updatedSince);
        return query.page(Negotiation.class, request, sort, () -> query.order(sort, SORTS), "negotiation");
    }

    private Set<Participation> validate(RecordNegotiation input) {
        if (input.startedOn() != null && input.endedOn() != null && input.endedOn().isBefore(input.startedOn())) {
            throw ApiException.badRequest("endedOn " + input.endedOn() + " is before startedOn " + input.startedOn());
        }
        Set<UUID> seen = new HashSet<>();
        List<UUID> duplicates = input.parties().stream().map(RecordNegotiation.Participant::partyId).filter(id -> !seen.add(id)).distinct().toList();
        if (!duplicates.isEmpty()) {
            throw ApiException.badRequest("Each party takes part once; listed more than once: "
                    + duplicates.stream().map(UUID::toString).collect(Collectors.joining(", ")));
        }
        known.requireParties(seen);
        return input.parties().stream().map(p -> new Participation(p.partyId(), p.role())).collect(Collectors.toSet());
    }

    private static void apply(Negotiation n, RecordNegotiation input, Set<Participation> parties) {
        n.title = input.title().strip();
        n.status = input.status() == null ? NegotiationStatus.ACTIVE : input.status();
        n.startedOn = input.startedOn();
        n.endedOn = input.endedOn();
        // Replace the collection only when it changed: rewriting it would bump the version for nothing.
        if (!n.parties.equals(parties)) {
            n.parties.clear();
            n.parties.addAll(parties);
        }
    }
}
