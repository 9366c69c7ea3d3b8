package org.parley.party.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The controlled vocabularies of this service are enums whose JSON, query-parameter and event form is
 * the constant's name in lower snake case ({@code HEAD_OF_STATE} is {@code head_of_state}). Keeping that
 * rule in one place means the allowed values a client is told about are always the ones that parse.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    public static String wireName(Enum<?> term) {
        return term.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> vocabulary, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(vocabulary.getEnumConstants()).filter(term -> wireName(term).equals(value)).findFirst();
    }

    public static String allowed(Class<? extends Enum<?>> vocabulary) {
        return Arrays.stream(vocabulary.getEnumConstants()).map(Vocabulary::wireName).collect(Collectors.joining(", "));
    }
}
