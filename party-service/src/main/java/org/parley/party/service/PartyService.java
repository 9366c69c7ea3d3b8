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
import org.parley.party.repository.EnvoyRepository;
import org.parley.party.repository.PartyFilter;
import org.parley.party.repository.PartyRepository;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Registers, changes and removes parties; every change is recorded as an event in the same transaction. */
@ApplicationScoped
public class PartyService {

    /** How many of the envoys that block a delete the 409 names. */
    static final int ENVOYS_NAMED = 10;

    @Inject
    PartyRepository parties;

    @Inject
    EnvoyRepository envoys;

    @Inject
    EventJournal events;

    public Party get(UUID id) {
        return parties.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Party", id));
    }

    public Party getBySlug(String slug) {
        // No party can have a slug outside the pattern; answering without a query also keeps bytes PostgreSQL refuses (NUL) away from it.
        Optional<Party> party = slug.matches(Party.SLUG_PATTERN) ? parties.findBySlug(slug) : Optional.empty();
        return party.orElseThrow(() -> ApiException.notFound("Party with slug", "'" + slug + "'"));
    }

    public Page<Party> list(PartyFilter criteria, PageRequest request) {
        return parties.search(criteria, request);
    }

    @Transactional
    public Party register(RecordParty command) {
        ensureSlugFree(command.slug(), null);
        Party party = new Party();
        party.id = UUID.randomUUID();
        party.slug = command.slug();
        party.name = command.name();
        party.kind = command.kind();
        party.isoCode = command.isoCode();
        party.conflictRole = command.conflictRole();
        party.createdAt = Timestamps.now();
        party.updatedAt = party.createdAt;
        parties.persist(party);
        StoreConstraints.flush(parties::flush, Map.of("party_slug_key", () -> slugTaken(command.slug(), null)));
        events.partyRegistered(party);
        return party;
    }

    @Transactional
    public Party change(UUID partyId, String ifMatch, RecordParty command) {
        Party party = get(partyId);
        Preconditions.requireMatch(ifMatch, party.version);
        if (changesNothing(command, party)) {
            return party;
        }
        ensureSlugFree(command.slug(), party.id);
        party.slug = command.slug();
        party.name = command.name();
        party.kind = command.kind();
        party.isoCode = command.isoCode();
        party.conflictRole = command.conflictRole();
        party.updatedAt = Timestamps.now();
        // Flushing here, not at commit, makes a lost race surface as OptimisticLockException (412) rather than a failed commit.
        StoreConstraints.flush(parties::flush, Map.of("party_slug_key", () -> slugTaken(command.slug(), null)));
        events.partyUpdated(party);
        return party;
    }

    /** A PUT that would change nothing neither bumps the version nor emits an event. */
    private static boolean changesNothing(RecordParty command, Party party) {
        return Objects.equals(command.slug(), party.slug)
                && Objects.equals(command.name(), party.name)
                && command.kind() == party.kind
                && Objects.equals(command.isoCode(), party.isoCode)
                && command.conflictRole() == party.conflictRole;
    }

    /** If-Match is optional here: a delete sent with a stale one is refused, one sent without it is not. */
    @Transactional
    public void remove(UUID id, String ifMatch) {
        Party party = get(id);
        if (ifMatch != null) {
            Preconditions.requireMatch(ifMatch, party.version);
        }
        List<Envoy> representing = envoys.listByParty(id, ENVOYS_NAMED);
        if (!representing.isEmpty()) {
            throw inUse(party, representing, envoys.countByParty(id));
        }
        parties.delete(party);
        StoreConstraints.flush(parties::flush, Map.of("envoy_party_fk",
                () -> ApiException.conflict("Party '" + party.slug + "' cannot be removed: an envoy was just appointed to it")));
        events.partyRemoved(party);
    }

    private void ensureSlugFree(String slug, UUID except) {
        parties.findBySlug(slug).filter(other -> !other.id.equals(except)).ifPresent(other -> {
            throw slugTaken(slug, other.id);
        });
    }

    private static ApiException slugTaken(String slug, UUID holder) {
        return ApiException.conflict("Slug '" + slug + "' is already taken" + (holder == null ? "" : " by party " + holder));
    }

    private static ApiException inUse(Party party, List<Envoy> representing, long total) {
        String named = representing.stream().map(envoy -> envoy.fullName + " (" + envoy.id + ")").collect(Collectors.joining(", "));
        String more = total > representing.size() ? " and " + (total - representing.size()) + " more" : "";
        return ApiException.conflict("Party '" + party.slug + "' cannot be removed while envoys refer to it: " + named + more
                + "; move them to another party first");
    }
}
