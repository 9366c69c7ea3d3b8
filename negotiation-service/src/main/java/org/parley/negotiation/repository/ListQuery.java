package org.parley.negotiation.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import org.parley.api.ApiException;
import org.parley.api.Page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the JPQL of a filtered list: each filter the client left out simply adds nothing. The sort is
 * chosen from a fixed vocabulary (a leading '-' means descending) and always ends on the id, so that
 * pages do not overlap when several rows share a sort value.
 */
public final class ListQuery {

    private final String from;
    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private ListQuery(String entity, String alias) {
        this.from = "from " + entity + " " + alias;
        this.alias = alias;
    }

    public static ListQuery from(String entity, String alias) {
        return new ListQuery(entity, alias);
    }

    /** Adds the condition when the value is present; the condition names it as :name. */
    public ListQuery where(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds a condition that needs no parameter. */
    public ListQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    public String jpql() {
        return from + conditions();
    }

    /** The where clause alone ("" when nothing is filtered), for a query that selects or joins more than the list does. */
    public String conditions() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** @param fields API sort names mapped to entity attributes */
    public Sort sort(String requested, Map<String, String> fields) {
        String value = requested == null ? "" : requested.strip();
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        String attribute = fields.get(name);
        if (attribute == null) {
            String allowed = fields.keySet().stream().sorted().map(f -> f + ", -" + f).collect(Collectors.joining(", "));
            throw new ApiException(400, "bad-request", "Bad request", "sort '" + requested + "' is not supported; allowed: " + allowed);
        }
        Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
        return Sort.by(alias + "." + attribute, direction).and(alias + ".id", direction);
    }

    /**
     * The order of a list of reported facts (statements, incidents) by their date: undated rows go last
     * whichever way the list runs, since they cannot be placed among the dated ones; then creation, and
     * the id last so that pages never overlap. Also accepts createdAt and updatedAt.
     */
    public String datedOrder(String dateAttribute, String requested) {
        String value = requested == null || requested.isBlank() ? dateAttribute : requested.strip();
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        String direction = descending ? " desc" : " asc";
        String id = ", " + alias + ".id" + direction;
        if (field.equals(dateAttribute)) {
            return alias + "." + field + direction + " nulls last, " + alias + ".createdAt" + direction + id;
        }
        if (field.equals("createdAt") || field.equals("updatedAt")) {
            return alias + "." + field + direction + id;
        }
        String allowed = Stream.of(dateAttribute, "createdAt", "updatedAt").map(f -> f + ", -" + f).collect(Collectors.joining(", "));
        throw new ApiException(400, "bad-request", "Bad request", "sort '" + requested + "' is not supported; allowed: " + allowed);
    }

    /** One page in the given order, and the total that match: two queries. */
    public <T> Page<T> page(PanacheRepositoryBase<T, ?> repository, String orderBy, int page, int size) {
        PanacheQuery<T> found = repository.find(jpql() + " order by " + orderBy, parameters());
        long total = found.count();
        List<T> items = total == 0 ? List.of() : found.page(page, size).list();
        return Page.of(items, page, size, total);
    }
}
