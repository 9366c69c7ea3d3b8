package org.parley.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.junit.jupiter.api.Test;
import org.parley.events.alert.AlertRaised;
import org.parley.events.negotiation.NegotiationEvent;
import org.parley.events.negotiation.PositionRecorded;
import org.parley.events.party.EnvoyAppointed;
import org.parley.events.party.EnvoyData;
import org.parley.events.party.PartyEvent;
import org.parley.events.support.SampleEvents;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudEventCodecTest {

    private static final Instant TIME = Instant.parse("2025-12-02T18:00:00.000001Z");

    // A mapper a service might well have: the codec must not let it change the wire format.
    private final ObjectMapper serviceMapper = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final CloudEventCodec codec = new CloudEventCodec("parley/party-service", serviceMapper);

    @Test
    void everyEventTypeSurvivesTheRoundTripWithItsAttributes() {
        for (Class<? extends ParleyEvent> eventClass : EventCatalog.all()) {
            for (boolean filled : new boolean[] {true, false}) {
                ParleyEvent event = SampleEvents.of(eventClass, filled);
                UUID id = UUID.randomUUID();

                CloudEvent encoded = codec.encode(event, id, TIME);

                assertEquals(SpecVersion.V1, encoded.getSpecVersion());
                assertEquals(id.toString(), encoded.getId());
                assertEquals(URI.create("parley/party-service"), encoded.getSource());
                assertEquals(EventCatalog.typeOf(eventClass), encoded.getType());
                assertEquals(event.subject(), encoded.getSubject());
                assertEquals(TIME.atOffset(ZoneOffset.UTC), encoded.getTime());
                assertEquals("application/json", encoded.getDataContentType());
                assertEquals(URI.create("urn:parley:events#/components/schemas/" + eventClass.getSimpleName()), encoded.getDataSchema());
                assertEquals(event, codec.decode(encoded), eventClass.getSimpleName() + (filled ? "" : " with nulls"));
            }
        }
    }

    @Test
    void theDataCarriesExactlyTheRecordComponentsInCamelCaseWithIsoDates() throws IOException {
        ObjectMapper plain = new ObjectMapper();
        for (ParleyEvent event : SampleEvents.oneOfEach()) {
            JsonNode data = plain.readTree(codec.data(event));
            List<String> fields = new ArrayList<>();
            data.fieldNames().forEachRemaining(fields::add);
            List<String> components = Arrays.stream(event.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
            assertEquals(components, fields, event.getClass().getSimpleName() + " must not leak subject or partitionKey");
        }
        String position = new String(codec.data(SampleEvents.of(PositionRecorded.class, false)), StandardCharsets.UTF_8);
        assertTrue(position.contains("\"recordedAt\":\"2025-12-02T17:45:30.123456Z\""), position);
        assertTrue(position.contains("\"clauseId\":null"), position);
    }

    @Test
    void partyEventsAreKeyedByPartyAndEverythingElseByNegotiation() {
        EnvoyData envoy = SampleEvents.of(EnvoyData.class, true);
        EnvoyAppointed appointed = new EnvoyAppointed(envoy);
        assertEquals(envoy.partyId().toString(), appointed.partitionKey());
        assertEquals(envoy.id().toString(), appointed.subject());

        AlertRaised alert = SampleEvents.of(AlertRaised.class, true);
        assertEquals(alert.negotiationId().toString(), alert.partitionKey());
        assertEquals(alert.alertId().toString(), alert.subject());

        for (ParleyEvent event : SampleEvents.oneOfEach()) {
            if (event instanceof NegotiationEvent negotiationEvent) {
                assertEquals(negotiationEvent.negotiationId().toString(), event.partitionKey(), event.getClass().getSimpleName());
                assertTrue(!event.subject().equals(event.partitionKey()) || event.getClass().getSimpleName().startsWith("Negotiation"),
                        event.getClass().getSimpleName() + " should name its own aggregate as subject");
            } else if (event instanceof PartyEvent) {
                assertNotNull(UUID.fromString(event.partitionKey()));
            }
        }
    }

    @Test
    void aNewerProducersExtraFieldsAreIgnored() {
        AlertRaised alert = SampleEvents.of(AlertRaised.class, true);
        String json = new String(codec.data(alert), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"addedInV1Point5\":true,");
        CloudEvent event = CloudEventBuilder.v1(codec.encode(alert, UUID.randomUUID(), TIME))
                .withData(json.getBytes(StandardCharsets.UTF_8))
                .build();
        assertEquals(alert, codec.decode(event));
    }

    @Test
    void anUnknownTypeIsRefusedByName() {
        CloudEvent event = CloudEventBuilder.v1(codec.encode(SampleEvents.of(AlertRaised.class, true), UUID.randomUUID(), TIME))
                .withType("org.parley.alert.escalated.v2")
                .build();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> codec.decode(event));
        assertTrue(refused.getMessage().contains("org.parley.alert.escalated.v2"));
    }
}
