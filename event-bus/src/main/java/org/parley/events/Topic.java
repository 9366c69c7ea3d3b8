package org.parley.events;

/** Parley's Kafka topics. The {@code .v1} suffix changes only if the envelope or the keying changes. */
public enum Topic {
    /** Parties and their envoys, keyed by party id. Published by party-service. */
    PARTIES("parley.parties.v1"),
    /** Everything under a negotiation, keyed by negotiation id. Published by negotiation-service. */
    NEGOTIATIONS("parley.negotiations.v1"),
    /** Alerts for policy desks, keyed by the negotiation they concern. Published by negotiation-service. */
    ALERTS("parley.alerts.v1");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
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
