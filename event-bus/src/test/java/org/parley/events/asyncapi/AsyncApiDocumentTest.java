package org.parley.events.asyncapi;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.parley.events.EventCatalog;
import org.parley.events.ParleyEvent;
import org.parley.events.Topic;
import org.parley.events.support.Repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** docs/asyncapi.yaml is generated from the event records, and must be committed as generated. */
class AsyncApiDocumentTest {

    private static final String REWRITE = "parley.asyncapi.write";
    private static final Path FILE = Repository.root().resolve("docs").resolve("asyncapi.yaml");

    @Test
    void theCommittedDocumentIsWhatTheEventRecordsGenerate() throws IOException {
        String generated = AsyncApiDocument.yaml();
        if (Boolean.getBoolean(REWRITE)) {
            Files.writeString(FILE, generated);
        }
        String committed = Files.exists(FILE) ? Files.readString(FILE) : "";
        if (!generated.equals(committed)) {
            fail(FILE + " differs from what the event records generate (" + firstDifference(generated, committed) + ").\n"
                    + "Regenerate it and commit the result:\n"
                    + "  ./mvnw -B -pl event-bus -am verify -Dtest=AsyncApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -D" + REWRITE + "=true");
        }
    }

    @Test
    void everyEventTypeIsAMessageOfItsTopicsChannelWithItsTypeAndKey() {
        JsonNode document = AsyncApiDocument.parse(FILE);
        for (Class<? extends ParleyEvent> eventClass : EventCatalog.all()) {
            String name = eventClass.getSimpleName();
            JsonNode message = document.at("/components/messages/" + name);
            assertFalse(message.isMissingNode(), name + " is missing from " + FILE);
            assertEquals(EventCatalog.typeOf(eventClass), message.at("/headers/properties/ce_type/const").asText(), name);
            assertEquals("string", message.at("/bindings/kafka/key/type").asText(), name + " has no key");
            Topic topic = EventCatalog.topicOf(eventClass);
            JsonNode channel = channelAt(document, topic.topicName());
            assertNotNull(channel, "no channel for " + topic.topicName());
            assertEquals("#/components/messages/" + name, channel.at("/messages/" + name + "/$ref").asText(), name);
        }
    }

    @Test
    void everyDataSchemaAttributePointsAtAPayloadSchemaInTheDocument() {
        JsonNode document = AsyncApiDocument.parse(FILE);
        assertEquals(AsyncApiDocument.ID, document.get("id").asText());
        for (Class<? extends ParleyEvent> eventClass : EventCatalog.all()) {
            String dataSchema = EventCatalog.dataSchemaOf(eventClass);
            assertTrue(dataSchema.startsWith(AsyncApiDocument.ID + "#"), dataSchema);
            String pointer = dataSchema.substring(dataSchema.indexOf('#') + 1);
            JsonNode schema = document.at(JsonPointer.compile(pointer));
            assertEquals("object", schema.path("type").asText(), dataSchema + " does not resolve to an object schema");
            assertEquals("#" + pointer, document.at("/components/messages/" + eventClass.getSimpleName() + "/payload/$ref").asText());
        }
    }

    @Test
    void nullableComponentsAreOptionalAndTheOthersRequired() {
        JsonNode position = AsyncApiDocument.parse(FILE).at("/components/schemas/PositionRecorded");
        List<String> required = new ArrayList<>();
        position.get("required").forEach(node -> required.add(node.asText()));
        assertTrue(required.containsAll(List.of("positionId", "negotiationId", "partyId", "proposalId", "status", "sources")), required.toString());
        assertFalse(required.contains("clauseId"), "a position on a whole proposal has no clause");
        assertTrue(position.at("/properties/clauseId/type").toString().contains("null"), position.at("/properties/clauseId").toString());
    }

    @Test
    void everyEventRecordDescribesItself() {
        for (Class<? extends ParleyEvent> eventClass : EventCatalog.all()) {
            JsonClassDescription description = eventClass.getAnnotation(JsonClassDescription.class);
            assertTrue(description != null && !description.value().isBlank(), eventClass.getSimpleName() + " needs a @JsonClassDescription");
        }
    }

    private static JsonNode channelAt(JsonNode document, String address) {
        for (JsonNode channel : document.get("channels")) {
            if (address.equals(channel.path("address").asText())) {
                return channel;
            }
        }
        return null;
    }

    private static String firstDifference(String generated, String committed) {
        String[] left = generated.split("\n", -1);
        String[] right = committed.split("\n", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            if (!left[i].equals(right[i])) {
                return "line " + (i + 1) + ": generated '" + left[i].strip() + "', committed '" + right[i].strip() + "'";
            }
        }
        return "generated " + left.length + " lines, committed " + right.length;
    }
}
