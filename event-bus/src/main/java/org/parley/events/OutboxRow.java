package org.parley.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/** One outbox row as the relay claimed it, and the CloudEvent it is published as. */
record OutboxRow(long sequence, String id, String topic, String key, String type, String source, String subject,
                 String dataSchema, String payload, Instant createdAt, String actor, String changeReason) {

    CloudEvent toCloudEvent() {
        return CloudEventCodec.withActor(CloudEventBuilder.v1(), actor, changeReason)
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(createdAt.atOffset(ZoneOffset.UTC))
                .withDataContentType(CloudEventCodec.CONTENT_TYPE)
                .withDataSchema(URI.create(dataSchema))
                .withData(payload.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
