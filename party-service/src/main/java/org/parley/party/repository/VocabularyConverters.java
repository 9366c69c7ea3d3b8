package org.parley.party.repository;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.parley.party.ConflictRole;
import org.parley.party.EnvoyRole;
import org.parley.party.PartyKind;
import org.parley.party.Vocabulary;

/**
 * Vocabulary terms are stored in their wire form ({@code head_of_state}), so the database reads like the API
 * and its CHECK constraints list the same values the API documents.
 */
public final class VocabularyConverters {

    private VocabularyConverters() {
    }

    abstract static class Base<E extends Enum<E>> implements AttributeConverter<E, String> {
        private final Class<E> vocabulary;

        Base(Class<E> vocabulary) {
            this.vocabulary = vocabulary;
        }

        @Override
        public String convertToDatabaseColumn(E term) {
            return term == null ? null : Vocabulary.wireName(term);
        }

        @Override
        public E convertToEntityAttribute(String stored) {
            return stored == null ? null : Vocabulary.parse(vocabulary, stored)
                    .orElseThrow(() -> new IllegalStateException("Unknown " + vocabulary.getSimpleName() + " '" + stored + "' in the database"));
        }
    }

    @Converter(autoApply = true)
    public static class PartyKindConverter extends Base<PartyKind> {
        public PartyKindConverter() {
            super(PartyKind.class);
        }
    }

    @Converter(autoApply = true)
    public static class ConflictRoleConverter extends Base<ConflictRole> {
        public ConflictRoleConverter() {
            super(ConflictRole.class);
        }
    }

    @Converter(autoApply = true)
    public static class EnvoyRoleConverter extends Base<EnvoyRole> {
        public EnvoyRoleConverter() {
            super(EnvoyRole.class);
        }
    }
}
