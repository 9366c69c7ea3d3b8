package org.parley.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Refuses, as 400 on the field, request values that are valid JSON but that PostgreSQL cannot store: text with
 * a NUL character, and dates outside years 1 to 9999. Without this they would fail at the database, as a 500.
 */
@Singleton
public class StorableInput implements ObjectMapperCustomizer {

    public static final int FIRST_YEAR = 1;
    public static final int LAST_YEAR = 9999;

    /** Last, so that these deserializers take precedence over the java.time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("parley-storable-input");
        module.addDeserializer(String.class, new NoNul());
        module.addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT) {
            @Override
            int year(Instant value) {
                return value.atOffset(ZoneOffset.UTC).getYear();
            }
        });
        module.addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE) {
            @Override
            int year(LocalDate value) {
                return value.getYear();
            }
        });
        mapper.registerModule(module);
    }

    public static boolean storable(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    static final class NoNul extends StdScalarDeserializer<String> {
        NoNul() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, "text must not contain the NUL character", value, String.class);
            }
            return value;
        }
    }

    abstract static class Bounded<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<T> delegate;

        Bounded(Class<T> type, JsonDeserializer<T> delegate) {
            super(type);
            this.delegate = delegate;
        }

        abstract int year(T value);

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = delegate.deserialize(p, ctxt);
            if (value != null && !storable(year(value))) {
                throw InvalidFormatException.from(p, "the year must be between " + FIRST_YEAR + " and " + LAST_YEAR, value, handledType());
            }
            return value;
        }
    }
}
