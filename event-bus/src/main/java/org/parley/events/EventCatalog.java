package org.parley.events;

import org.parley.events.alert.AlertEvent;
import org.parley.events.negotiation.NegotiationEvent;
import org.parley.events.party.PartyEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every event type Parley publishes, with its topic and CloudEvents type. It is read from the {@code permits}
 * lists of the three sealed roots, so that adding a record to a root is all it takes to publish it, document
 * it (docs/asyncapi.yaml is generated from this list) and decode it.
 */
public final class EventCatalog {

    /** {@code org.parley.<aggregate>.<what-happened>.v<n>}, with words joined by dashes. */
    static final Pattern TYPE_PATTERN = Pattern.compile("org\\.parley\\.[a-z]+\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");

    private static final String SCHEMA_URI_BASE = "urn:parley:events#/components/schemas/";

    private static final Map<Class<? extends ParleyEvent>, Topic> TOPICS = new LinkedHashMap<>();
    private static final Map<Class<? extends ParleyEvent>, String> TYPES = new LinkedHashMap<>();
    private static final Map<String, Class<? extends ParleyEvent>> CLASSES = new LinkedHashMap<>();

    static {
        register(PartyEvent.class, Topic.PARTIES);
        register(NegotiationEvent.class, Topic.NEGOTIATIONS);
        register(AlertEvent.class, Topic.ALERTS);
    }

    private EventCatalog() {
    }

    /** Every event class, by topic, in the order of the roots' {@code permits} lists. */
    public static List<Class<? extends ParleyEvent>> all() {
        return List.copyOf(TYPES.keySet());
    }

    public static List<Class<? extends ParleyEvent>> onTopic(Topic topic) {
        List<Class<? extends ParleyEvent>> classes = new ArrayList<>();
        TOPICS.forEach((type, on) -> {
            if (on == topic) {
                classes.add(type);
            }
        });
        return Collections.unmodifiableList(classes);
    }

    public static Topic topicOf(Class<?> eventClass) {
        Topic topic = TOPICS.get(eventClass);
        if (topic == null) {
            throw notInCatalog(eventClass);
        }
        return topic;
    }

    public static String typeOf(Class<?> eventClass) {
        String type = TYPES.get(eventClass);
        if (type == null) {
            throw notInCatalog(eventClass);
        }
        return type;
    }

    /** @throws IllegalArgumentException for a type this build does not know, e.g. from a newer producer */
    public static Class<? extends ParleyEvent> classOf(String type) {
        Class<? extends ParleyEvent> eventClass = CLASSES.get(type);
        if (eventClass == null) {
            throw new IllegalArgumentException("Unknown event type " + type);
        }
        return eventClass;
    }

    public static boolean knows(String type) {
        return CLASSES.containsKey(type);
    }

    /**
     * The CloudEvents {@code dataschema} of an event class: its payload schema in docs/asyncapi.yaml, whose
     * {@code id} is {@code urn:parley:events}. The schema is named after the record, as the generator names it.
     */
    public static String dataSchemaOf(Class<?> eventClass) {
        typeOf(eventClass);
        return SCHEMA_URI_BASE + eventClass.getSimpleName();
    }

    private static void register(Class<? extends ParleyEvent> root, Topic topic) {
        for (Class<?> permitted : root.getPermittedSubclasses()) {
            if (!permitted.isRecord()) {
                throw new IllegalStateException(permitted.getName() + " must be a record: events are immutable values");
            }
            EventType annotation = permitted.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalStateException(permitted.getName() + " has no @EventType");
            }
            String type = annotation.value();
            if (!TYPE_PATTERN.matcher(type).matches()) {
                throw new IllegalStateException(permitted.getName() + ": type " + type + " does not match " + TYPE_PATTERN);
            }
            @SuppressWarnings("unchecked") // every permitted subclass of a ParleyEvent root is a ParleyEvent
            Class<? extends ParleyEvent> eventClass = (Class<? extends ParleyEvent>) permitted;
            Class<? extends ParleyEvent> clash = CLASSES.putIfAbsent(type, eventClass);
            if (clash != null) {
                throw new IllegalStateException(type + " is declared by both " + clash.getName() + " and " + permitted.getName());
            }
            TYPES.put(eventClass, type);
            TOPICS.put(eventClass, topic);
        }
    }

    private static IllegalArgumentException notInCatalog(Class<?> eventClass) {
        return new IllegalArgumentException(eventClass.getName()
                + " is not a Parley event: add it to the permits list of PartyEvent, NegotiationEvent or AlertEvent");
    }
}
