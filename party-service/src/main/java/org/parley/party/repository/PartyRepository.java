package org.parley.party.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.api.Pager;
import org.parley.party.model.Party;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PartyRepository implements PanacheRepositoryBase<Party, UUID> {

    /** API sort keys to entity properties; anything else never reaches a query. */
    public static final Map<String, String> SORT_KEYS = Map.of("name", "name", "slug", "slug", "updatedAt", "updatedAt");

    public Optional<Party> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Page<Party> search(PartyFilter criteria, PageRequest request) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (criteria.kind() != null) {
            conditions.add("p.kind = :kind");
            parameters.and("kind", criteria.kind());
        }
        if (criteria.conflictRole() != null) {
            conditions.add("p.conflictRole = :role");
            parameters.and("role", criteria.conflictRole());
        }
        if (criteria.updatedSince() != null) {
            conditions.add("p.updatedAt >= :updatedSince");
            parameters.and("updatedSince", criteria.updatedSince());
        }
        Ordering ordering = criteria.ordering();
        return Pager.page(getEntityManager(), request, ordering.key(), () -> {
            String property = SORT_KEYS.get(ordering.key());
            if (property == null) {
                throw new IllegalArgumentException("Unknown sort key " + ordering.key());
            }
            // The id breaks ties, so that paging through equal names neither repeats nor skips a party.
            String direction = ordering.descending() ? " desc" : " asc";
            return "p." + property + direction + ", p.id" + direction;
        }, Pager.ChangeColumns.uuid("p", "party"), Pager.rows(getEntityManager(), Party.class, "Party p", "p", conditions, parameters.map(), false));
    }
}
