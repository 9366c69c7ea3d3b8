package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.parley.api.ApiException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks party and envoy ids against the local copy of party-service's data. A write naming one that
 * party-service never published (or removed) is refused with 422, naming every unknown id at once.
 */
@ApplicationScoped
public class KnownReferences {

    @Inject
    EntityManager em;

    public void requireParties(Collection<UUID> partyIds) {
        require(partyIds, List.of());
    }

    public void require(Collection<UUID> partyIds, Collection<UUID> envoyIds) {
        List<String> unknown = new ArrayList<>();
        Set<UUID> parties = missing("select k.id from KnownParty k where k.removed = false and k.id", partyIds);
        Set<UUID> envoys = missing("select k.id from KnownEnvoy k where k.id", envoyIds);
        if (!parties.isEmpty()) {
            unknown.add("unknown party id(s): " + join(parties));
        }
        if (!envoys.isEmpty()) {
            unknown.add("unknown envoy id(s): " + join(envoys));
        }
        if (!unknown.isEmpty()) {
            throw ApiException.unknownReference(String.join("; ", unknown)
                    + " (this service knows the parties and envoys party-service has published)");
        }
    }

    /**
     * @param jpql a query of ids ending in the id column, which this completes: {@code = :ids} for one id, whose
     *             translation Hibernate caches, and {@code in :ids} for more, which it translates anew each time
     *             (most writes, such as every position write, name one party)
     */
    private Set<UUID> missing(String jpql, Collection<UUID> ids) {
        Set<UUID> wanted = ids == null ? Set.of() : new HashSet<>(ids);
        wanted.remove(null);
        if (wanted.isEmpty()) {
            return Set.of();
        }
        List<UUID> found = wanted.size() == 1
                ? em.createQuery(jpql + " = :ids", UUID.class).setParameter("ids", wanted.iterator().next()).getResultList()
                : em.createQuery(jpql + " in :ids", UUID.class).setParameter("ids", wanted).getResultList();
        Set<UUID> result = new HashSet<>(wanted);
        found.forEach(result::remove);
        return result;
    }

    private static String join(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(", "));
    }
}
