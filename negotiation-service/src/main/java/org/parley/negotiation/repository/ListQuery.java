package org.parley.negotiation.repository;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import org.parley.api.ApiException;
import org.parley.api.Changed;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.api.Pager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the JPQL of a filtered list: each filter the client left out simply adds nothing. The sort is
 * chosen from a fixed vocabulary (a leading '-' means descending) and always ends on the id, so that
 * pages do not overlap when several rows share a sort value.
 */
public final class ListQuery {

    private final String entity;
    private final String alias;
    private String id = "id";
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private ListQuery(String entity, String alias) {
        this.entity = entity;
        this.alias = alias;
    }

    public static ListQuery from(String entity, String alias) {
        return new ListQuery(entity, alias);
    }

    /** The id attribute, when it is not {@code id}: the last key of every order. */
    public ListQuery identifiedBy(String attribute) {
        this.id = attribute;
        return this;
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

    /** The list's query without its order, for a query that scrolls it (the exports). */
    public String jpql() {
        return "from " + entity + " " + alias + conditions();
    }

    /** The where clause alone ("" when nothing is filtered), for a query that selects or joins more than the list does. */
    public String conditions() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** @param fields API sort names mapped to entity attributes; the order ends on the id. */
    public String order(String requested, Map<String, String> fields) {
        String value = requested == null ? "" : requested.strip();
        boolean descending = value.startsWith("-");
        String name = descending ? value.substring(1) : value;
        String attribute = fields.get(name);
        if (attribute == null) {
            throw unsupported(requested, fields.keySet().stream().sorted());
        }
        String direction = descending ? " desc" : " asc";
        return alias + "." + attribute + direction + ", " + alias + "." + id + direction;
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
        String id = ", " + alias + "." + this.id + direction;
        if (field.equals(dateAttribute)) {
            return alias + "." + field + direction + " nulls last, " + alias + ".createdAt" + direction + id;
        }
        if (field.equals("createdAt") || field.equals("updatedAt")) {
            return alias + "." + field + direction + id;
        }
        throw unsupported(requested, Stream.of(dateAttribute, "createdAt", "updatedAt"));
    }

    /**
     * The resources check {@code sort} with {@code @Pattern} first; this answers only if a pattern and the keys
     * here drift apart, and still as the client's 400 rather than a 500.
     */
    private static ApiException unsupported(String requested, Stream<String> keys) {
        String allowed = keys.map(f -> f + ", -" + f).collect(Collectors.joining(", "));
        return ApiException.badRequest("sort '" + requested + "' is not supported; allowed: " + allowed + ", " + Pager.CHANGES);
    }

    /**
     * One page of rows with a UUID id, in the order {@code order} makes of {@code sort}, or, for
     * {@code sort=changes}, the sync walk (see {@link Pager}); {@code resource} names the rows' tombstones.
     */
    public <T extends Changed> Page<T> page(Class<T> type, PageRequest request, String sort, Supplier<String> order, String resource) {
        return page(type, request, sort, order, Pager.ChangeColumns.uuid(alias, resource));
    }

    public <T extends Changed> Page<T> page(Class<T> type, PageRequest request, String sort, Supplier<String> order, Pager.ChangeColumns columns) {
        EntityManager em = Panache.getEntityManager(type);
        return Pager.page(em, request, sort, order, columns, Pager.rows(em, type, entity + " " + alias, alias, alias + "." + id, conditions, parameters, false));
    }
}
