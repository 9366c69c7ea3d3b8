package org.parley.events.support;

import org.parley.events.EventCatalog;
import org.parley.events.Nullable;
import org.parley.events.ParleyEvent;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One instance of any event record, built from its components, so that every test that covers "each event
 * type" covers a record as soon as it is added to the catalog.
 */
public final class SampleEvents {

    private static final Instant INSTANT = Instant.parse("2025-12-02T17:45:30.123456Z");
    private static final LocalDate DATE = LocalDate.parse("2025-12-02");

    private SampleEvents() {
    }

    /** One of each type in the catalog, every component filled, nullable ones included. */
    public static List<ParleyEvent> oneOfEach() {
        return EventCatalog.all().stream().<ParleyEvent>map(type -> of(type, true)).toList();
    }

    /** @param fillNullables false leaves every {@link Nullable} component null */
    public static <T> T of(Class<T> type, boolean fillNullables) {
        return type.cast(value(type, type, fillNullables));
    }

    private static Object value(Type type, Class<?> raw, boolean fillNullables) {
        if (raw == UUID.class) {
            return UUID.randomUUID();
        }
        if (raw == String.class) {
            return "text-" + UUID.randomUUID().toString().substring(0, 8);
        }
        if (raw == Instant.class) {
            return INSTANT;
        }
        if (raw == LocalDate.class) {
            return DATE;
        }
        if (raw == Integer.class || raw == int.class) {
            return 5;
        }
        if (raw == Long.class || raw == long.class) {
            return 7L;
        }
        if (raw == Double.class || raw == double.class) {
            return 47.91;
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return true;
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            Class<?> elementClass = element instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) element;
            return List.of(value(element, elementClass, fillNullables), value(element, elementClass, fillNullables));
        }
        if (raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] arguments = new Object[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                parameterTypes[i] = component.getType();
                boolean nullable = component.isAnnotationPresent(Nullable.class);
                arguments[i] = nullable && !fillNullables ? null
                        : value(component.getGenericType(), component.getType(), fillNullables);
            }
            try {
                return raw.getDeclaredConstructor(parameterTypes).newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot build a sample " + raw.getSimpleName(), e);
            }
        }
        throw new IllegalArgumentException("No sample value for " + type + ": teach SampleEvents this type");
    }
}
