package org.parley.negotiation.repository;

import io.quarkus.panache.common.Sort;
import org.parley.api.ApiException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
        return conditions.isEmpty() ? from : from + " where " + String.join(" and ", conditions);
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
}
