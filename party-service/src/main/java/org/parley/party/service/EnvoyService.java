package org.parley.party.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.api.Preconditions;
import org.parley.party.Envoy;
import org.parley.party.Party;
import org.parley.party.mapping.EnvoyMapper;
import org.parley.party.repository.EnvoyCriteria;
import org.parley.party.repository.EnvoyRepository;
import org.parley.party.repository.PartyRepository;
import org.parley.party.rest.EnvoyInput;
import org.parley.party.rest.MandateEndInput;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Appoints envoys, changes them and ends their mandates; every change is recorded as an event in the same transaction. */
@ApplicationScoped
public class EnvoyService {

    @Inject
    EnvoyRepository envoys;

    @Inject
    PartyRepository parties;

    @Inject
    EventJournal events;

    @Inject
    Validator validator;

    public Envoy get(UUID id) {
        return envoys.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Envoy", id));
    }

    /** Filters by party given as an id or a slug; a slug no party has matches no envoy. */
    public Page<Envoy> list(String party, EnvoyCriteria criteria, PageRequest request) {
        if (party != null) {
            Optional<UUID> partyId = asUuid(party).or(() -> parties.findBySlug(party).map(found -> found.id));
            if (partyId.isEmpty()) {
                return request.empty();
            }
            criteria = new EnvoyCriteria(partyId.get(), criteria.role(), criteria.activeOn(), criteria.nameWords(), criteria.updatedSince(),
                    criteria.ordering());
        }
        return envoys.search(criteria, request);
    }

    @Transactional
    public Envoy appoint(EnvoyInput input) {
        requireParty(input.partyId());
        Envoy envoy = new Envoy();
        envoy.id = UUID.randomUUID();
        EnvoyMapper.apply(input, envoy);
        envoy.createdAt = Timestamps.now();
        envoy.updatedAt = envoy.createdAt;
        envoys.persist(envoy);
        StoreConstraints.flush(envoys::flush, Map.of("envoy_party_fk", () -> unknownParty(input.partyId())));
        events.envoyAppointed(envoy);
        return envoy;
    }

    @Transactional
    public Envoy update(UUID id, EnvoyInput input, String ifMatch) {
        Envoy envoy = get(id);
        Preconditions.requireMatch(ifMatch, envoy.version);
        if (EnvoyMapper.sameAs(input, envoy)) {
            return envoy;
        }
        if (!input.partyId().equals(envoy.partyId)) {
            requireParty(input.partyId());
        }
        EnvoyMapper.apply(input, envoy);
        envoy.updatedAt = Timestamps.now();
        // Flushing here, not at commit, makes a lost race surface as OptimisticLockException (412) rather than a failed commit.
        StoreConstraints.flush(envoys::flush, Map.of("envoy_party_fk", () -> unknownParty(input.partyId())));
        events.envoyUpdated(envoy);
        return envoy;
    }

    /**
     * Ends the mandate on {@code endedOn}. A mandate whose recorded end is already on or before that day has
     * nothing left to end (409); one with a later planned end is ended early.
     */
    @Transactional
    public Envoy endMandate(UUID id, MandateEndInput input, String ifMatch) {
        Envoy envoy = get(id);
        Preconditions.requireMatch(ifMatch, envoy.version);
        Set<ConstraintViolation<MandateClosure>> violations = validator.validate(new MandateClosure(envoy.mandateFrom, input.endedOn()));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (envoy.mandateTo != null && !envoy.mandateTo.isAfter(input.endedOn())) {
            throw ApiException.conflict("The mandate of " + envoy.fullName + " already ends on " + envoy.mandateTo);
        }
        envoy.mandateTo = input.endedOn();
        envoy.mandateEndReason = input.reason() == null || input.reason().isBlank() ? null : input.reason().strip();
        envoy.updatedAt = Timestamps.now();
        StoreConstraints.flush(envoys::flush, Map.of());
        events.envoyMandateEnded(envoy);
        return envoy;
    }

    private void requireParty(UUID partyId) {
        Optional<Party> party = parties.findByIdOptional(partyId);
        if (party.isEmpty()) {
            throw unknownParty(partyId);
        }
    }

    private static ApiException unknownParty(UUID partyId) {
        return ApiException.unknownReference("partyId: party " + partyId + " does not exist");
    }

    private static Optional<UUID> asUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
