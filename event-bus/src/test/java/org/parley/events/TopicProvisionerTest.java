package org.parley.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.parley.events.support.TestKafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Parley's topics get the settings {@link Topic} and the cluster give them, not the broker's defaults. */
class TopicProvisionerTest {

    @Test
    void aTopicIsCreatedWithTopicsPartitionsRetentionAndTheClustersReplication() {
        NewTopic negotiations = TopicProvisioner.newTopic(Topic.NEGOTIATIONS, new TopicProvisioner.Cluster(3, 2));
        assertEquals(6, negotiations.numPartitions());
        assertEquals(3, negotiations.replicationFactor());
        assertEquals(Map.of("retention.ms", Long.toString(30L * 24 * 3600 * 1000), "cleanup.policy", "delete",
                "min.insync.replicas", "2"), negotiations.configs());
        assertThrows(IllegalArgumentException.class, () -> new TopicProvisioner.Cluster(1, 2));
    }

    @Test
    void provisioningSetsEveryTopicsSettingsOnTheBrokerEvenWhenItExistedAlready() throws Exception {
        Map<String, Object> kafka = TestKafka.consumerConfig();
        TopicProvisioner.Cluster devStack = new TopicProvisioner.Cluster(1, 1);
        TopicProvisioner.provision(kafka, devStack, List.of(Topic.values()));
        // Twice: the second start of a service finds the topics there.
        TopicProvisioner.provision(kafka, devStack, List.of(Topic.values()));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            for (Topic topic : Topic.values()) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName());
                Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
                assertEquals(Long.toString(topic.retentionMs()), config.get("retention.ms").value(), topic.topicName());
                assertEquals("delete", config.get("cleanup.policy").value(), topic.topicName());
                assertEquals("1", config.get("min.insync.replicas").value(), topic.topicName());
            }
        }
    }
}
