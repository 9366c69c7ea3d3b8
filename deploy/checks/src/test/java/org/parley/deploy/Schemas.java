package org.parley.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.schema.validator.ValidationMessage.Level;
import io.fabric8.kubernetes.schema.validator.Validator;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a Kubernetes object against the schema its owner publishes, never against our own idea of it:
 * <ul>
 *   <li>Kubernetes' own kinds, and prometheus-operator's ServiceMonitor: the OpenAPI document that fabric8's
 *       {@code kubernetes-model-validator} ships (unknown fields and wrong types are errors);</li>
 *   <li>Strimzi's {@code kafka.strimzi.io/v1beta2} kinds: Strimzi's own model ({@code io.strimzi:api}), the classes
 *       its CRDs are generated from, read strictly: no scalar coercion, and a field the model does not declare
 *       (which Strimzi's classes keep aside in {@code additionalProperties}) is an error;</li>
 *   <li>CloudNativePG's {@code postgresql.cnpg.io/v1} kinds: the {@code openAPIV3Schema} of the operator's
 *       released CRDs (see {@code schemas/cloudnative-pg-1.30.0/ORIGIN.md}), with undeclared fields as errors.</li>
 * </ul>
 * An object of any other API group is an error too: nothing reaches the cluster unchecked.
 */
final class Schemas {

    private static final Map<String, Class<?>> STRIMZI = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);

    private static final Path CNPG = Path.of("src/test/resources/schemas/cloudnative-pg-1.30.0");
    private static final Map<String, String> CNPG_CRDS = Map.of(
            "Cluster", "postgresql.cnpg.io_clusters.yaml",
            "ScheduledBackup", "postgresql.cnpg.io_scheduledbackups.yaml");

    private final Validator kubernetes = Validator.newInstance();
    private final ObjectMapper strict = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();
    private final Map<String, JsonSchema> cnpg = new java.util.HashMap<>();

    /** Every problem found, each prefixed with the object's kind and name; empty when the object is valid. */
    List<String> validate(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String id = kind + " " + object.path("metadata").path("name").asText();
        List<String> problems;
        if (apiVersion.equals("kafka.strimzi.io/v1beta2") && STRIMZI.containsKey(kind)) {
            problems = strimzi(object, STRIMZI.get(kind));
        } else if (apiVersion.equals("postgresql.cnpg.io/v1") && CNPG_CRDS.containsKey(kind)) {
            problems = cloudNativePg(object, kind);
        } else if (apiVersion.startsWith("kafka.strimzi.io/") || apiVersion.startsWith("postgresql.cnpg.io/")) {
            problems = List.of("no published schema is checked for " + apiVersion + " " + kind);
        } else {
            problems = kubernetes.validate(object).getMessages().stream()
                    .filter(m -> m.getLevel() == Level.ERROR)
                    .map(m -> m.getMessage())
                    .toList();
        }
        return problems.stream().map(p -> id + ": " + p).toList();
    }

    private List<String> strimzi(ObjectNode object, Class<?> type) {
        Object model;
        try {
            model = strict.treeToValue(object, type);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining());
            return List.of(path + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return List.of(e.toString());
        }
        List<String> problems = new ArrayList<>();
        undeclared(model, "", problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    /** Walks Strimzi's (and fabric8's) model objects for fields the model does not declare. */
    private static void undeclared(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value.getClass().isPrimitive() || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> undeclared(v, path + "." + k, problems, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                undeclared(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.strimzi.") && !pkg.startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (Modifier.isStatic(getter.getModifiers()) || getter.getParameterCount() != 0
                    || getter.getDeclaringClass() == Object.class || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add((path.isEmpty() ? "." : path) + ": field(s) " + extra.keySet() + " not in the published model");
                }
                continue;
            }
            String property = getter.getName().replaceFirst("^(get|is)", "");
            property = property.isEmpty() ? property : Character.toLowerCase(property.charAt(0)) + property.substring(1);
            undeclared(child, path + "." + property, problems, seen);
        }
    }

    private List<String> cloudNativePg(ObjectNode object, String kind) {
        JsonSchema schema = cnpg.computeIfAbsent(kind, k -> crdSchema(CNPG.resolve(CNPG_CRDS.get(k)), "v1"));
        return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The JSON Schema of one version of a CRD, where a field the schema does not declare is an error. */
    static JsonSchema crdSchema(Path crd, String version) {
        try {
            ObjectNode definition = Yaml.document(Files.readString(crd, StandardCharsets.UTF_8));
            for (JsonNode each : definition.path("spec").path("versions")) {
                if (version.equals(each.path("name").asText())) {
                    ObjectNode schema = ((ObjectNode) each.path("schema").path("openAPIV3Schema")).deepCopy();
                    closeObjects(schema);
                    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
                }
            }
            throw new IllegalArgumentException(crd + " has no version " + version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kubernetes prunes, or with strict field validation rejects, fields a structural schema does not declare,
     * unless the schema keeps unknown fields; in JSON Schema terms that is {@code additionalProperties: false}.
     */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
                closeObjects(it.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Schemas::closeObjects);
        }
    }
}
