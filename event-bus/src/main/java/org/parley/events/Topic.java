package org.parley.events;

/**
 * Parley's Kafka topics and the settings each is created with. The {@code .v1} suffix changes only if the
 * envelope or the keying changes.
 *
 * <p>These are the one source of the topic settings: the services provision their topics from them, and
 * deploy/ (Strimzi {@code KafkaTopic}s, the Compose file) is checked against them in the build. The
 * replication factor and {@code min.insync.replicas} are not here: they belong to the cluster a
 * deployment runs on (1 and 1 on the dev stack's single broker, 3 and 2 in production).
 */
public enum Topic {
    /**
     * Parties and their envoys, keyed by party id. Published by party-service. Kept forever: a new
     * consumer rebuilds its copy of parties and envoys by reading the topic from the start, and
     * compaction by party id would drop a party's earlier envoy events.
     */
    PARTIES("parley.parties.v1", 3, -1L),
    /** Everything under a negotiation, keyed by negotiation id. Published by negotiation-service. 30 days. */
    NEGOTIATIONS("parley.negotiations.v1", 6, 30L * 24 * 60 * 60 * 1000),
    /** Alerts for policy desks, keyed by the negotiation they concern. Published by negotiation-service. 7 days. */
    ALERTS("parley.alerts.v1", 3, 7L * 24 * 60 * 60 * 1000);

    private final String topicName;
    private final int partitions;
    private final long retentionMs;

    Topic(String topicName, int partitions, long retentionMs) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.retentionMs = retentionMs;
    }

    public String topicName() {
        return topicName;
    }

    /** How many partitions the topic is created with; per-key order holds within one partition. */
    public int partitions() {
        return partitions;
    }

    /** {@code retention.ms}: how long records are kept, {@code -1} for ever. */
    public long retentionMs() {
        return retentionMs;
    }

    /** {@code cleanup.policy}: every Parley topic keeps each event, none is compacted (see {@link #PARTIES}). */
    public String cleanupPolicy() {
        return "delete";
    }

    public static Topic ofName(String topicName) {
        for (Topic topic : values()) {
            if (topic.topicName.equals(topicName)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("Not a Parley topic: " + topicName);
    }
}
