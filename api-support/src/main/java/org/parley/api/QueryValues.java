package org.parley.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns query parameters into values, after Bean Validation has checked them with {@link OneOf},
 * {@link IsoDate}, {@link IsoInstant}, {@link Uuid} or {@link SearchText}: filters keep their parameters as
 * strings (so that a bad one is a 400 naming it, not JAX-RS's 404) and read them through here. A blank
 * parameter means "not given" everywhere.
 */
public final class QueryValues {

    public static final int MAX_TEXT = 200;

    private QueryValues() {
    }

    public static UUID uuid(String value) {
        return blank(value) ? null : checked(parseUuid(value), value);
    }

    public static LocalDate date(String value) {
        return blank(value) ? null : checked(parseDate(value), value);
    }

    public static Instant instant(String value) {
        return blank(value) ? null : checked(UpdatedSince.parse(value), value);
    }

    public static <E extends Enum<E>> E term(Class<E> vocabulary, String value) {
        return blank(value) ? null : Vocabulary.parse(vocabulary, value.strip()).orElseThrow(() -> unchecked(value));
    }

    /** A repeatable parameter ({@code kind=a&kind=b}, or {@code kind=a,b}) as a set; every term when none is given. */
    public static <E extends Enum<E>> Set<E> terms(Class<E> vocabulary, Collection<String> values) {
        Set<E> terms = EnumSet.noneOf(vocabulary);
        for (String value : values == null ? List.<String>of() : values) {
            for (String one : value.split(",")) {
                E term = term(vocabulary, one);
                if (term != null) {
                    terms.add(term);
                }
            }
        }
        return terms.isEmpty() ? EnumSet.allOf(vocabulary) : terms;
    }

    public static String text(String value) {
        return blank(value) ? null : value.strip();
    }

    /** Inclusive bounds the wrong way round are a client's mistake, not an empty result. */
    public static <T extends Comparable<? super T>> void range(String fromName, T from, String toName, T to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw ApiException.badRequest("Query parameter '" + fromName + "' (" + from + ") is after '" + toName + "' (" + to + ")");
        }
    }

    static UUID parseUuid(String value) {
        try {
            // UUID.fromString also takes shortened groups such as 1-2-3-4-5; an id is written in full.
            String text = value.strip();
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static LocalDate parseDate(String value) {
        try {
            LocalDate date = LocalDate.parse(value.strip());
            return StorableInput.storable(date.getYear()) ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <T> T checked(T parsed, String value) {
        if (parsed == null) {
            throw unchecked(value);
        }
        return parsed;
    }

    /**
     * Reached only when a filter reads a parameter its constraint did not check (a resource without
     * {@code @Valid}); still the client's bad value, so a 400 rather than a 500.
     */
    private static ApiException unchecked(String value) {
        String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return ApiException.badRequest("A query parameter has an invalid value '" + shown.replace("\u0000", "\\0") + "'");
    }
}
