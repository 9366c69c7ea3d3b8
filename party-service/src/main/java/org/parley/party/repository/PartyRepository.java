package org.parley.party.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.Page;
import org.parley.party.Party;

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

    public Page<Party> search(PartyCriteria criteria, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (criteria.kind() != null) {
            conditions.add("kind = :kind");
            parameters.and("kind", criteria.kind());
        }
        if (criteria.conflictRole() != null) {
            conditions.add("conflictRole = :role");
            parameters.and("role", criteria.conflictRole());
        }
        if (criteria.updatedSince() != null) {
            conditions.add("updatedAt >= :updatedSince");
            parameters.and("updatedSince", criteria.updatedSince());
        }
        String property = SORT_KEYS.get(criteria.ordering().key());
        if (property == null) {
            throw new IllegalArgumentException("Unknown sort key " + criteria.ordering().key());
        }
        // The id breaks ties, so that paging through equal names neither repeats nor skips a party.
        Sort sort = Sort.by(property, criteria.ordering().descending() ? Sort.Direction.Descending : Sort.Direction.Ascending).and("id");
        PanacheQuery<Party> query = conditions.isEmpty() ? findAll(sort) : find(String.join(" and ", conditions), sort, parameters);
        List<Party> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list();
        return Page.of(items, page, size, query.count());
    }
}
