package org.parley.api;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wire names of the controlled vocabularies (enums) of both services. A term's wire name is declared once,
 * by {@code @JsonProperty("lower_snake")} on the constant, which Jackson and the OpenAPI scanner already read;
 * query parameters, events, audit rows and problem messages read it here, so the values a client is told
 * about are always the ones that parse. A constant without the annotation falls back to its lower-case name.
 */
public final class Vocabulary {

    private static final ClassValue<Map<?, String>> WIRE_NAMES = new ClassValue<>() {
        @Override
        protected Map<?, String> computeValue(Class<?> type) {
            return wireNamesOf(type.asSubclass(Enum.class));
        }
    };

    private Vocabulary() {
    }

    public static String wireName(Enum<?> term) {
        return WIRE_NAMES.get(term.getDeclaringClass()).get(term);
    }

    /** The wire name for a sentence: {@code accepted_with_reservations} reads "accepted with reservations". */
    public static String words(Enum<?> term) {
        return wireName(term).replace('_', ' ');
    }

    /** The term whose wire name is {@code value} exactly; empty for null or an unknown value. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> vocabulary, String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (E term : vocabulary.getEnumConstants()) {
            if (wireName(term).equals(value)) {
                return Optional.of(term);
            }
        }
        return Optional.empty();
    }

    /** "a, b, c": the wire names in declaration order, for messages and documentation. */
    public static String allowed(Class<? extends Enum<?>> vocabulary) {
        return Arrays.stream(vocabulary.getEnumConstants()).map(Vocabulary::wireName).collect(Collectors.joining(", "));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<?, String> wireNamesOf(Class<? extends Enum> type) {
        Map names = new EnumMap(type);
        for (Enum term : type.getEnumConstants()) {
            JsonProperty declared;
            try {
                declared = type.getField(term.name()).getAnnotation(JsonProperty.class);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            names.put(term, declared != null && !declared.value().isEmpty() ? declared.value() : term.name().toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableMap(names);
    }
}
