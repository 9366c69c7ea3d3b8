package org.parley.negotiation.service;

import org.parley.api.ApiException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads an enum from a query parameter. JAX-RS would turn a failed conversion into a bare 404, so filters
 * take strings and this gives the 400 that lists the allowed values, as bodies get.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            throw new ApiException(400, "bad-request", "Bad request", "Query parameter '" + parameter + "' has an invalid value '" + value + "'; allowed: " + allowed);
        }
    }

    /**
     * A repeatable parameter ({@code kind=a&kind=b}, or {@code kind=a,b}) read as a set; every value when none is
     * given.
     */
    public static <E extends Enum<E>> java.util.Set<E> parseAll(Class<E> type, String parameter, java.util.List<String> values) {
        java.util.Set<E> parsed = java.util.EnumSet.noneOf(type);
        for (String value : values == null ? java.util.List.<String>of() : values) {
            for (String one : value.split(",")) {
                E item = parse(type, parameter, one);
                if (item != null) {
                    parsed.add(item);
                }
            }
        }
        return parsed.isEmpty() ? java.util.EnumSet.allOf(type) : parsed;
    }

    public static String names(java.util.Collection<? extends Enum<?>> values) {
        return values.isEmpty() ? "none (it is final)" : values.stream().map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
