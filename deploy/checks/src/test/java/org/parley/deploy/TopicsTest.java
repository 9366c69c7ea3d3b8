package org.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.events.Topic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The topics and their settings are the same in deploy/k8s, in deploy/compose and in the services' own
 * provisioning ({@link Topic}); only the replication belongs to the cluster: 3 replicas with 2 in sync in
 * production, 1 and 1 on a single broker.
 */
class TopicsTest {

    /** One topic as a deployment declares it. */
    record Declared(String name, int partitions, int replicas, String retentionMs, String cleanupPolicy, String minInsyncReplicas) {

        static Declared expected(Topic topic, int replicas, int minInsync) {
            return new Declared(topic.topicName(), topic.partitions(), replicas, String.valueOf(topic.retentionMs()),
                    topic.cleanupPolicy(), String.valueOf(minInsync));
        }
    }

    @ParameterizedTest
    @CsvSource({"prod, 3, 2", "dev, 1, 1"})
    void kafkaTopicsAreTheServicesTopics(String overlay, int replicas, int minInsync) {
        assertEquals(expected(replicas, minInsync), kafkaTopics(Kustomize.overlay(overlay)));
    }

    @Test
    void composeCreatesTheServicesTopics() {
        assertEquals(expected(1, 1), composeTopics(Compose.file()));
    }

    @Test
    void aTopicThatDriftsIsNoticed() {
        List<ObjectNode> prod = Kustomize.overlay("prod");
        ObjectNode alerts = Kustomize.named(prod, "KafkaTopic", "parley-alerts-v1");
        ((ObjectNode) alerts.path("spec").path("config")).put("retention.ms", 86_400_000L);
        assertFalse(expected(3, 2).equals(kafkaTopics(prod)));
    }

    private static Map<String, Declared> expected(int replicas, int minInsync) {
        Map<String, Declared> topics = new TreeMap<>();
        Arrays.stream(Topic.values()).forEach(t -> topics.put(t.topicName(), Declared.expected(t, replicas, minInsync)));
        return topics;
    }

    static Map<String, Declared> kafkaTopics(List<ObjectNode> objects) {
        Map<String, Declared> topics = new TreeMap<>();
        for (ObjectNode topic : Kustomize.ofKind(objects, "KafkaTopic")) {
            JsonNode spec = topic.path("spec");
            JsonNode config = spec.path("config");
            String name = spec.path("topicName").asText(topic.path("metadata").path("name").asText());
            topics.put(name, new Declared(name, spec.path("partitions").asInt(), spec.path("replicas").asInt(),
                    config.path("retention.ms").asText(), config.path("cleanup.policy").asText(), config.path("min.insync.replicas").asText()));
        }
        return topics;
    }

    /** The topics the kafka-topics service of the Compose file creates, read from its command. */
    static Map<String, Declared> composeTopics(ObjectNode compose) {
        List<String> lines = new ArrayList<>();
        compose.path("services").path("kafka-topics").path("command").forEach(c -> lines.addAll(c.asText().lines().toList()));
        String shared = lines.stream().filter(l -> l.contains("--replication-factor")).findFirst().orElse("");
        Map<String, Declared> topics = new TreeMap<>();
        for (String line : lines) {
            Matcher topic = Pattern.compile("--topic (\\S+)").matcher(line);
            if (!topic.find()) {
                continue;
            }
            String command = shared + " " + line;
            Map<String, String> config = new TreeMap<>();
            Pattern.compile("--config (\\S+)=(\\S+)").matcher(command).results().forEach(r -> config.put(r.group(1), r.group(2)));
            topics.put(topic.group(1), new Declared(topic.group(1), Integer.parseInt(option(command, "--partitions")),
                    Integer.parseInt(option(command, "--replication-factor")), config.get("retention.ms"), config.get("cleanup.policy"),
                    config.get("min.insync.replicas")));
        }
        return topics;
    }

    private static String option(String command, String name) {
        Matcher value = Pattern.compile(name + " (\\d+)").matcher(command);
        return value.find() ? value.group(1) : "0";
    }
}
