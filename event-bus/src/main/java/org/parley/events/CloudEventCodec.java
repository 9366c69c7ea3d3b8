package org.parley.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns a {@link ParleyEvent} into a CloudEvents 1.0 event with JSON data, and back. On Kafka the events
 * travel in binary mode (attributes as {@code ce_*} headers, the JSON data as the record value); the relay
 * writes them with the SDK's {@code CloudEventSerializer}.
 */
public final class CloudEventCodec {

    public static final String CONTENT_TYPE = "application/json";
    /** Extension attribute: the authenticated subject who made the change (see {@link Actor}). */
    public static final String ACTOR = "actor";
    /** Extension attribute: the reason the client gave for the change ({@code X-Change-Reason}); absent when none. */
    public static final String CHANGE_REASON = "changereason";

    private final URI source;
    private final ObjectMapper mapper;

    /**
     * @param source the publishing service, e.g. {@code parley/party-service}
     * @param mapper the service's mapper; the codec works on a copy in which it pins what the JSON Schemas in
     *               docs/asyncapi.yaml promise (ISO-8601 dates, nulls written, unknown fields ignored), so that
     *               a service's own Jackson settings cannot change the wire format
     */
    public CloudEventCodec(String source, ObjectMapper mapper) {
        this.source = URI.create(Objects.requireNonNull(source, "source"));
        this.mapper = wireMapper(mapper);
    }

    public String source() {
        return source.toString();
    }

    public CloudEvent encode(ParleyEvent event, UUID id, Instant time) {
        Class<? extends ParleyEvent> eventClass = event.getClass();
        return CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(EventCatalog.typeOf(eventClass))
                .withSubject(event.subject())
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataContentType(CONTENT_TYPE)
                .withDataSchema(URI.create(EventCatalog.dataSchemaOf(eventClass)))
                .withData(data(event))
                .build();
    }

    /** Adds the actor extension attributes; an event written without an actor gets none. */
    static CloudEventBuilder withActor(CloudEventBuilder builder, String subject, String reason) {
        if (subject != null) {
            builder.withExtension(ACTOR, subject);
        }
        if (reason != null) {
            builder.withExtension(CHANGE_REASON, reason);
        }
        return builder;
    }

    /** Who made the change an event reports, from its extension attributes; null when it carries none. */
    public static Actor actorOf(CloudEvent event) {
        Object subject = event.getExtension(ACTOR);
        Object reason = event.getExtension(CHANGE_REASON);
        return subject == null ? null : new Actor(subject.toString(), reason == null ? null : reason.toString());
    }

    /**
     * @throws IllegalArgumentException when the type is not in this build's {@link EventCatalog} or the data
     *                                  does not match it
     */
    public ParleyEvent decode(CloudEvent event) {
        Class<? extends ParleyEvent> eventClass = EventCatalog.classOf(event.getType());
        CloudEventData data = event.getData();
        if (data == null) {
            throw new IllegalArgumentException("Event " + event.getId() + " of type " + event.getType() + " has no data");
        }
        try {
            return mapper.readValue(data.toBytes(), eventClass);
        } catch (IOException e) {
            throw new IllegalArgumentException("Event " + event.getId() + " does not match " + event.getType() + ": " + e.getMessage(), e);
        }
    }

    /** The event's JSON, as it goes out as the CloudEvent's data. */
    public byte[] data(ParleyEvent event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static ObjectMapper wireMapper(ObjectMapper serviceMapper) {
        return Objects.requireNonNull(serviceMapper, "mapper").copy()
                .registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(null)
                .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.INDENT_OUTPUT)
                // A newer producer may add fields; an older consumer must still read the event.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
