package org.parley.negotiation.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.negotiation.model.Incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /** One page of incidents and the total that match, in two queries on the indexed columns. */
    public Page<Incident> search(IncidentFilter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.negotiationId() != null) {
            where.add("negotiationId = :negotiation");
            params.and("negotiation", filter.negotiationId());
        }
        if (filter.attributedToPartyId() != null) {
            where.add("attributedToPartyId = :party");
            params.and("party", filter.attributedToPartyId());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            params.and("kind", filter.kind());
        }
        if (filter.region() != null) {
            where.add("lower(region) = :region");
            params.and("region", filter.region().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.city() != null) {
            where.add("lower(city) = :city");
            params.and("city", filter.city().strip().toLowerCase(Locale.ROOT));
        }
        if (filter.from() != null) {
            where.add("occurredOn >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurredOn <= :to");
            params.and("to", filter.to());
        }
        if (filter.updatedSince() != null) {
            where.add("updatedAt >= :updatedSince");
            params.and("updatedSince", filter.updatedSince());
        }
        String order = order(filter.sort());
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by " + order;
        PanacheQuery<Incident> found = find(query, params);
        long total = found.count();
        List<Incident> items = total == 0 ? List.of() : found.page(page, size).list();
        return Page.of(items, page, size, total);
    }

    /**
     * The sort vocabulary; the default is occurredOn, oldest first. Undated rows go last whichever way the list
     * runs, since they cannot be placed among the dated ones; the id ends every order so that pages never overlap.
     */
    static String order(String requested) {
        String value = requested == null || requested.isBlank() ? "occurredOn" : requested.strip();
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        String direction = descending ? " desc" : " asc";
        return switch (field) {
            case "occurredOn" -> "occurredOn" + direction + " nulls last, createdAt" + direction + ", id" + direction;
            case "createdAt", "updatedAt" -> field + direction + ", id" + direction;
            default -> throw new ApiException(400, "bad-request", "Bad request",
                    "sort '" + requested + "' is not supported; allowed: occurredOn, -occurredOn, createdAt, -createdAt, updatedAt, -updatedAt");
        };
    }
}
