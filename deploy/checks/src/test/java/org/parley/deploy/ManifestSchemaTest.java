package org.parley.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every overlay renders with kustomize, and every object it renders passes the schema its owner publishes
 * (see {@link Schemas}); the validation itself is shown to fail on a misspelled field or a wrong type.
 */
class ManifestSchemaTest {

    private static final Schemas SCHEMAS = new Schemas();
    private static Map<String, List<ObjectNode>> rendered;

    @BeforeAll
    static void render() {
        rendered = Kustomize.OVERLAYS.stream().collect(Collectors.toMap(o -> o, Kustomize::overlay));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedObjectPassesItsPublishedSchema(String overlay) {
        List<ObjectNode> objects = rendered.get(overlay);
        List<String> problems = objects.stream().flatMap(o -> SCHEMAS.validate(o).stream()).toList();
        assertEquals(List.of(), problems, overlay + " has objects that their schemas refuse");
        Set<String> kinds = objects.stream().map(o -> o.path("kind").asText()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(Set.of("Cluster", "ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Kafka",
                "KafkaNodePool", "KafkaTopic", "KafkaUser", "NetworkPolicy", "PodDisruptionBudget", "Service", "ServiceMonitor"));
        if (overlay.equals("prod")) {
            expected.add("ScheduledBackup");
        }
        assertEquals(expected, kinds);
        assertTrue(objects.stream().allMatch(o -> !o.path("metadata").path("namespace").asText().isEmpty()),
                "every object lands in the overlay's namespace");
    }

    @Test
    void productionRunsThreeOfEachStatefulPart() {
        List<ObjectNode> prod = rendered.get("prod");
        List<ObjectNode> pools = Kustomize.ofKind(prod, "KafkaNodePool");
        assertEquals(3, Kustomize.named(prod, "KafkaNodePool", "broker").path("spec").path("replicas").asInt());
        assertEquals(3, Kustomize.named(prod, "KafkaNodePool", "controller").path("spec").path("replicas").asInt());
        assertEquals(2, pools.size());
        for (ObjectNode cluster : Kustomize.ofKind(prod, "Cluster")) {
            assertEquals(3, cluster.path("spec").path("instances").asInt(), cluster.path("metadata").path("name").asText());
            assertFalse(cluster.path("spec").path("backup").isMissingNode(), "backups are described");
        }
        assertEquals(2, Kustomize.ofKind(prod, "ScheduledBackup").size());
        assertEquals(Set.of("gateway", "negotiation-service"), Kustomize.ofKind(prod, "HorizontalPodAutoscaler").stream()
                .map(h -> h.path("spec").path("scaleTargetRef").path("name").asText()).collect(Collectors.toSet()));
        assertEquals(3, Kustomize.ofKind(prod, "PodDisruptionBudget").size());

        List<ObjectNode> dev = rendered.get("dev");
        ObjectNode single = Kustomize.named(dev, "KafkaNodePool", "broker");
        assertEquals(1, single.path("spec").path("replicas").asInt());
        assertEquals("[\"controller\",\"broker\"]", single.path("spec").path("roles").toString());
        assertEquals(List.of(), Kustomize.ofKind(dev, "ScheduledBackup"));
    }

    @Test
    void everyDeploymentIsProbedAndLockedDown() {
        for (String overlay : Kustomize.OVERLAYS) {
            for (ObjectNode deployment : Kustomize.ofKind(rendered.get(overlay), "Deployment")) {
                String name = deployment.path("metadata").path("name").asText();
                var pod = deployment.path("spec").path("template").path("spec");
                var container = pod.path("containers").path(0);
                assertEquals("/q/health/started", container.path("startupProbe").path("httpGet").path("path").asText(), name);
                assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(), name);
                assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(), name);
                assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), name);
                assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean(), name);
                assertFalse(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true), name);
                assertTrue(container.path("volumeMounts").toString().contains("\"/tmp\""), name + " has a writable /tmp");
                assertFalse(container.path("resources").path("requests").path("memory").isMissingNode(), name);
                assertFalse(container.path("resources").path("limits").path("memory").isMissingNode(), name);
            }
        }
    }

    // --- the validation can fail ---

    @Test
    void aMisspelledFieldFailsForEveryKindOfSchema() {
        List<ObjectNode> prod = rendered.get("prod");
        assertRefused(prod, "Deployment", "gateway", o -> ((ObjectNode) o.path("spec")).put("replica", 2), "replica");
        assertRefused(prod, "ServiceMonitor", "parley", o -> ((ObjectNode) o.path("spec").path("endpoints").path(0)).put("pathh", "/q/metrics"), "pathh");
        assertRefused(prod, "Kafka", "parley", o -> ((ObjectNode) o.path("spec").path("kafka")).set("listenrs", o.path("spec").path("kafka").path("listeners")), "listenrs");
        assertRefused(prod, "KafkaUser", "gateway", o -> ((ObjectNode) o.path("spec").path("authorization").path("acls").path(0)).put("operatoins", "Read"), "operatoins");
        assertRefused(prod, "KafkaTopic", "parley-alerts-v1", o -> ((ObjectNode) o.path("spec")).put("partition", 3), "partition");
        assertRefused(prod, "Cluster", "parley-party-db", o -> ((ObjectNode) o.path("spec")).put("instance", 3), "instance");
        assertRefused(prod, "ScheduledBackup", "parley-party-db-daily", o -> ((ObjectNode) o.path("spec")).put("schedul", "@daily"), "schedul");
    }

    @Test
    void aWrongTypeFailsForEveryKindOfSchema() {
        List<ObjectNode> prod = rendered.get("prod");
        assertRefused(prod, "Deployment", "gateway", o -> ((ObjectNode) o.path("spec")).put("replicas", "two"), "replicas");
        assertRefused(prod, "HorizontalPodAutoscaler", "gateway", o -> ((ObjectNode) o.path("spec")).put("maxReplicas", "6"), "maxReplicas");
        assertRefused(prod, "KafkaTopic", "parley-alerts-v1", o -> ((ObjectNode) o.path("spec")).put("partitions", "3"), "partitions");
        assertRefused(prod, "KafkaNodePool", "broker", o -> ((ObjectNode) o.path("spec")).put("roles", "broker"), "roles");
        assertRefused(prod, "KafkaUser", "gateway", o -> ((ObjectNode) o.path("spec").path("authentication")).put("type", "scram-sha-999"), "scram-sha-999");
        assertRefused(prod, "Cluster", "parley-party-db", o -> ((ObjectNode) o.path("spec")).put("instances", "three"), "instances");
    }

    @Test
    void anObjectOfAGroupWithoutAPublishedSchemaIsRefused() {
        ObjectNode unknown = Yaml.document("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaBridge\nmetadata: {name: b}\nspec: {}\n");
        assertFalse(SCHEMAS.validate(unknown).isEmpty());
    }

    private static void assertRefused(List<ObjectNode> objects, String kind, String name,
                                      java.util.function.Consumer<ObjectNode> breakIt, String mentioned) {
        ObjectNode broken = Kustomize.named(objects, kind, name).deepCopy();
        assertEquals(List.of(), SCHEMAS.validate(broken), "valid before it is broken");
        breakIt.accept(broken);
        List<String> problems = SCHEMAS.validate(broken);
        assertFalse(problems.isEmpty(), kind + " " + name + " broken in '" + mentioned + "' passed validation");
        assertTrue(problems.stream().anyMatch(p -> p.contains(mentioned)), kind + ": " + problems);
    }
}
