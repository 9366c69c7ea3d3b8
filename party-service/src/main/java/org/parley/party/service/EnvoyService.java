package org.parley.party.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.api.Preconditions;
import org.parley.api.StoreConstraints;
import org.parley.party.model.Envoy;
import org.parley.party.model.Party;
import org.parley.party.repository.EnvoyFilter;
import org.parley.party.repository.EnvoyRepository;
import org.parley.party.repository.NameSearch;
import org.parley.party.repository.PartyRepository;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

    public Envoy get(UUID id) {
        return envoys.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Envoy", id));
    }

    /** Filters by party given as an id or a slug; a slug no party has matches no envoy. */
    public Page<Envoy> list(String party, EnvoyFilter criteria, PageRequest request) {
        if (party != null) {
            Optional<UUID> partyId = asUuid(party).or(() -> parties.findBySlug(party).map(found -> found.id));
            if (partyId.isEmpty()) {
                return request.empty();
            }
            criteria = criteria.withParty(partyId.get());
        }
        return envoys.search(criteria, request);
    }

    @Transactional
    public Envoy appoint(RecordEnvoy command) {
        requireParty(command.partyId());
        Envoy envoy = new Envoy();
        envoy.id = UUID.randomUUID();
        NameSearch.name(envoy, command.fullName(), command.aliases());
        envoy.title = command.title();
        envoy.partyId = command.partyId();
        envoy.role = command.role();
        envoy.mandateFrom = command.mandateFrom();
        envoy.mandateTo = command.mandateTo();
        envoy.createdAt = Timestamps.now();
        envoy.updatedAt = envoy.createdAt;
        envoys.persist(envoy);
        StoreConstraints.flush(envoys::flush, Map.of("envoy_party_fk", () -> unknownParty(command.partyId())));
        events.envoyAppointed(envoy);
        return envoy;
    }

    @Transactional
    public Envoy change(UUID envoyId, String ifMatch, RecordEnvoy command) {
        Envoy envoy = get(envoyId);
        Preconditions.requireMatch(ifMatch, envoy.version);
        if (changesNothing(command, envoy)) {
            return envoy;
        }
        if (!command.partyId().equals(envoy.partyId)) {
            requireParty(command.partyId());
        }
        NameSearch.name(envoy, command.fullName(), command.aliases());
        envoy.title = command.title();
        envoy.partyId = command.partyId();
        envoy.role = command.role();
        envoy.mandateFrom = command.mandateFrom();
        if (!Objects.equals(envoy.mandateTo, command.mandateTo())) {
            // A reason given when the mandate was ended belongs to that end, not to a date set by hand afterwards.
            envoy.mandateEndReason = null;
        }
        envoy.mandateTo = command.mandateTo();
        envoy.updatedAt = Timestamps.now();
        // Flushing here, not at commit, makes a lost race surface as OptimisticLockException (412) rather than a failed commit.
        StoreConstraints.flush(envoys::flush, Map.of("envoy_party_fk", () -> unknownParty(command.partyId())));
        events.envoyUpdated(envoy);
        return envoy;
    }

    /** A PUT that would change nothing neither bumps the version nor emits an event. */
    private static boolean changesNothing(RecordEnvoy command, Envoy envoy) {
        return Objects.equals(command.fullName(), envoy.fullName)
                && Objects.equals(command.aliases(), envoy.aliases)
                && Objects.equals(command.title(), envoy.title)
                && Objects.equals(command.partyId(), envoy.partyId)
                && command.role() == envoy.role
                && Objects.equals(command.mandateFrom(), envoy.mandateFrom)
                && Objects.equals(command.mandateTo(), envoy.mandateTo);
    }

    /**
     * Ends the mandate on {@code endedOn}. A mandate whose recorded end is already on or before that day has
     * nothing left to end (409); one with a later planned end is ended early.
     */
    @Transactional
    public Envoy endMandate(UUID envoyId, String ifMatch, EndMandate command) {
        Envoy envoy = get(envoyId);
        Preconditions.requireMatch(ifMatch, envoy.version);
        if (!Envoy.mandateInOrder(envoy.mandateFrom, command.endedOn())) {
            // The stored start is the other half of this check, so it is made here rather than on the body; the problem names the field to fix.
            throw ApiException.badRequest("endedOn: " + command.endedOn() + " is before the start of the mandate (mandateFrom " + envoy.mandateFrom + ")");
        }
        if (envoy.mandateTo != null && !envoy.mandateTo.isAfter(command.endedOn())) {
            throw ApiException.conflict("The mandate of " + envoy.fullName + " already ends on " + envoy.mandateTo);
        }
        envoy.mandateTo = command.endedOn();
        envoy.mandateEndReason = command.reason();
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
