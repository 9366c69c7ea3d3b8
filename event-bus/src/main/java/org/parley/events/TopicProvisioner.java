package org.parley.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates Parley's topics with the settings {@link Topic} gives them (partitions, retention, cleanup policy)
 * and those of the cluster they run on (replication factor, {@code min.insync.replicas}), instead of leaving
 * them to the broker's defaults on first use. A topic that exists gets the retention, cleanup policy and
 * {@code min.insync.replicas} set to these values; its partitions are left as they are, with a WARN when they
 * are fewer than {@link Topic} asks for, since adding partitions moves keys and is an operator's decision.
 */
public final class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    /**
     * @param replicationFactor copies of each partition: 1 on the dev stack's single broker, 3 in production
     * @param minInsyncReplicas copies that must have a record before {@code acks=all} succeeds: 1, resp. 2
     */
    public record Cluster(int replicationFactor, int minInsyncReplicas) {

        public Cluster {
            if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
                throw new IllegalArgumentException("need 1 <= min.insync.replicas <= replication factor, got "
                        + minInsyncReplicas + " and " + replicationFactor);
            }
        }
    }

    private TopicProvisioner() {
    }

    /** The topic as it is created: {@link Topic}'s settings and the cluster's. */
    public static NewTopic newTopic(Topic topic, Cluster cluster) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(topic.retentionMs()));
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, topic.cleanupPolicy());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(cluster.minInsyncReplicas()));
        return new NewTopic(topic.topicName(), topic.partitions(), (short) cluster.replicationFactor()).configs(configs);
    }

    /**
     * Creates those of {@code topics} that do not exist yet. Fails (so the service does not start) when Kafka
     * cannot be reached within a minute or refuses the creation: better than publishing into topics with
     * settings nobody chose.
     *
     * @param kafkaConfig every {@code kafka.*} setting of the service (bootstrap servers, TLS, SASL)
     */
    public static void provision(Map<String, Object> kafkaConfig, Cluster cluster, Collection<Topic> topics) {
        Map<String, Object> config = adminConfig(kafkaConfig);
        List<NewTopic> wanted = topics.stream().map(topic -> newTopic(topic, cluster)).toList();
        try (Admin admin = Admin.create(config)) {
            var result = admin.createTopics(wanted);
            List<NewTopic> existed = new ArrayList<>();
            for (NewTopic topic : wanted) {
                try {
                    result.values().get(topic.name()).get(60, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s: %d partitions, replication factor %d, %s", topic.name(),
                            topic.numPartitions(), topic.replicationFactor(), topic.configs());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new EventBusException("Could not create topic " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
                    }
                    existed.add(topic);
                }
            }
            if (!existed.isEmpty()) {
                // A topic just created has these settings already; one that existed gets them now.
                Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
                for (NewTopic topic : existed) {
                    settings.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                            topic.configs().entrySet().stream().map(entry -> new AlterConfigOp(
                                    new ConfigEntry(entry.getKey(), entry.getValue()), AlterConfigOp.OpType.SET)).toList());
                }
                admin.incrementalAlterConfigs(settings).all().get(60, TimeUnit.SECONDS);
                warnOfFewerPartitions(admin, existed);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new EventBusException("Could not provision Parley's topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventBusException("Interrupted while provisioning Parley's topics", e);
        }
    }

    /** Only what an admin client understands of a service's {@code kafka.*} map, which also carries consumer and producer keys. */
    static Map<String, Object> adminConfig(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        Objects.requireNonNull(kafkaConfig, "kafkaConfig").forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key) || key.startsWith("ssl.") || key.startsWith("sasl.")) {
                config.put(key, value);
            }
        });
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        return config;
    }

    private static void warnOfFewerPartitions(Admin admin, List<NewTopic> existed)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> described = admin.describeTopics(existed.stream().map(NewTopic::name).toList())
                .allTopicNames().get(60, TimeUnit.SECONDS);
        for (NewTopic topic : existed) {
            int partitions = described.get(topic.name()).partitions().size();
            if (partitions < topic.numPartitions()) {
                LOG.warnf("Topic %s has %d partitions, fewer than the %d Parley creates it with; left as it is",
                        topic.name(), partitions, topic.numPartitions());
            }
        }
    }
}
