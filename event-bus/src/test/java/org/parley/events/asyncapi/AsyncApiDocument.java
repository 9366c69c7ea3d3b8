package org.parley.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.CloudEventCodec;
import org.parley.events.EventCatalog;
import org.parley.events.Nullable;
import org.parley.events.ParleyEvent;
import org.parley.events.Topic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Generates docs/asyncapi.yaml (AsyncAPI 3.0) from {@link EventCatalog}: one channel per topic, one message per
 * event type with its Kafka key, its CloudEvents binary-mode headers and its payload schema, the schemas
 * generated from the records by victools' jsonschema-generator.
 */
public final class AsyncApiDocument {

    public static final String ID = "urn:parley:events";
    private static final String KAFKA_BINDING_VERSION = "0.5.0";

    private static final Map<Topic, TopicDoc> TOPICS = Map.of(
            Topic.PARTIES, new TopicDoc("parties", "Parties and envoys", "party-service",
                    "Every change to a party or an envoy. Keyed by party id: one party's events, its envoys' included, arrive in order.",
                    "The party id (for envoy events, the envoy's party)."),
            Topic.NEGOTIATIONS, new TopicDoc("negotiations", "Negotiations and everything under them", "negotiation-service",
                    "Negotiations, meetings, proposals, clauses, positions, statements and incidents. Keyed by negotiation id: "
                            + "one negotiation's events arrive in the order they were committed.",
                    "The negotiation id."),
            Topic.ALERTS, new TopicDoc("alerts", "Alerts for policy desks", "negotiation-service",
                    "Alerts raised by negotiation-service's rules, with links to the events that caused them. Keyed by negotiation id.",
                    "The id of the negotiation the alert concerns."));

    private record TopicDoc(String channel, String title, String publisher, String description, String key) {
    }

    private AsyncApiDocument() {
    }

    public static String yaml() {
        try {
            return yamlMapper().writeValueAsString(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(Path file) {
        try {
            return yamlMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode document() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode document = json.objectNode();
        document.put("asyncapi", "3.0.0");
        document.put("id", ID);
        ObjectNode info = document.putObject("info");
        info.put("title", "Parley events");
        info.put("version", "1.0.0");
        info.put("description", """
                The events Parley publishes to Kafka. Every event is a CloudEvents 1.0 event in Kafka binary mode: the \
                attributes travel as `ce_*` headers, the record value is the JSON data, the record key orders the \
                events (see each channel). Delivery is at least once: de-duplicate on `ce_id`. A message's payload \
                schema is also its CloudEvents `dataschema` (`urn:parley:events#/components/schemas/<Name>`). \
                Generated from the event records by event-bus's AsyncApiDocumentTest; see docs/events.md.
                """);
        ObjectNode servers = document.putObject("servers");
        ObjectNode local = servers.putObject("local");
        local.put("host", "localhost:19092");
        local.put("protocol", "kafka");
        local.put("description", "The broker of the local run (deploy/devstack).");
        document.put("defaultContentType", CloudEventCodec.CONTENT_TYPE);

        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = json.objectNode();
        ObjectNode messages = components.putObject("messages");

        SchemaBuilder schemas = schemaGenerator().buildMultipleSchemaDefinitions();
        for (Topic topic : Topic.values()) {
            TopicDoc doc = TOPICS.get(topic);
            ObjectNode channel = channels.putObject(doc.channel());
            channel.put("address", topic.topicName());
            channel.put("title", doc.title());
            channel.put("description", doc.description() + " Published by " + doc.publisher() + ".");
            ObjectNode channelMessages = channel.putObject("messages");

            ObjectNode operation = operations.putObject("publish" + capitalised(doc.channel()));
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + doc.channel());
            operation.put("summary", doc.publisher() + " publishes " + doc.title().toLowerCase() + ", through its outbox.");
            ArrayNode operationMessages = operation.putArray("messages");

            for (Class<? extends ParleyEvent> eventClass : EventCatalog.onTopic(topic)) {
                String name = eventClass.getSimpleName();
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                operationMessages.addObject().put("$ref", "#/channels/" + doc.channel() + "/messages/" + name);
                messages.set(name, message(eventClass, doc, schemas.createSchemaReference(eventClass)));
            }
        }
        components.set("schemas", schemas.collectDefinitions("components/schemas"));
        document.set("components", components);
        return document;
    }

    private static ObjectNode message(Class<? extends ParleyEvent> eventClass, TopicDoc topic, ObjectNode payload) {
        String type = EventCatalog.typeOf(eventClass);
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("name", type);
        message.put("title", words(eventClass.getSimpleName()));
        message.put("summary", eventClass.getAnnotation(JsonClassDescription.class).value());
        message.put("contentType", CloudEventCodec.CONTENT_TYPE);
        message.set("headers", headers(eventClass, type));
        message.set("payload", payload);
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        ObjectNode key = kafka.putObject("key");
        key.put("type", "string");
        key.put("format", "uuid");
        key.put("description", topic.key());
        kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
        return message;
    }

    private static ObjectNode headers(Class<? extends ParleyEvent> eventClass, String type) {
        String aggregate = type.split("\\.")[2];
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        headers.put("type", "object");
        headers.put("description", "CloudEvents 1.0 attributes, Kafka protocol binding, binary content mode.");
        ArrayNode required = headers.putArray("required");
        ObjectNode properties = headers.putObject("properties");
        header(properties, required, "ce_specversion", "string", null, "1.0", "CloudEvents version.");
        header(properties, required, "ce_id", "string", "uuid", null, "Unique per event; consumers de-duplicate on it.");
        header(properties, required, "ce_source", "string", "uri-reference", null, "The publishing service, e.g. parley/" + publisherOf(eventClass) + ".");
        header(properties, required, "ce_type", "string", null, type, "The event type; the .v suffix is the schema version.");
        header(properties, required, "ce_subject", "string", "uuid", null, "The " + aggregate + " id.");
        header(properties, required, "ce_time", "string", "date-time", null, "When the change was committed (appended to the outbox), UTC.");
        header(properties, required, "ce_dataschema", "string", "uri", EventCatalog.dataSchemaOf(eventClass), "This message's payload schema.");
        header(properties, required, "content-type", "string", null, CloudEventCodec.CONTENT_TYPE, "The data content type (datacontenttype).");
        header(properties, required, "ce_" + CloudEventCodec.ACTOR, "string", null, null,
                "Extension attribute: who made the change, the subject (sub) of the access token of the request that wrote it; "
                        + "parley/negotiation-service for alerts, which the service raises itself.");
        header(properties, null, "ce_" + CloudEventCodec.CHANGE_REASON, "string", null, null,
                "Extension attribute: why, as the client stated it in the X-Change-Reason header; absent when none was given.");
        return headers;
    }

    private static void header(ObjectNode properties, ArrayNode required, String name, String type, String format,
                               String constant, String description) {
        ObjectNode header = properties.putObject(name);
        header.put("type", type);
        if (format != null) {
            header.put("format", format);
        }
        if (constant != null) {
            header.put("const", constant);
        }
        header.put("description", description);
        if (required != null) {
            required.add(name);
        }
    }

    private static String publisherOf(Class<? extends ParleyEvent> eventClass) {
        return TOPICS.get(EventCatalog.topicOf(eventClass)).publisher();
    }

    static SchemaGenerator schemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.PLAIN_DEFINITION_KEYS, Option.STANDARD_FORMATS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        // The contract: every component is present unless marked @Nullable; nullable ones may be null.
        config.forFields()
                .withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) == null)
                .withNullableCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) != null);
        // Properties in the order of the record's components, as a reader of the record expects them.
        config.forTypesInGeneral().withPropertySorter((first, second) -> Integer.compare(
                componentIndex(first.getDeclaringType().getErasedType(), first.getDeclaredName()),
                componentIndex(second.getDeclaringType().getErasedType(), second.getDeclaredName())));
        return new SchemaGenerator(config.build());
    }

    private static int componentIndex(Class<?> type, String name) {
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; components != null && i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    static ObjectMapper yamlMapper() {
        YAMLFactory yaml = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        return new ObjectMapper(yaml);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** PartyRegistered → Party registered */
    private static String words(String camelCase) {
        String spaced = camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
