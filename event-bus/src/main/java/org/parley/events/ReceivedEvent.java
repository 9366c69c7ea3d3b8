package org.parley.events;

import java.time.Instant;

/**
 * An event as a consumer receives it: the CloudEvents attributes, the Kafka key and the decoded record.
 *
 * @param id      the CloudEvents id: pass it to {@link Inbox#markApplied}
 * @param key     the Kafka record key (the party or negotiation id)
 * @param payload one of the records in {@link EventCatalog#all()}; switch on its root's sealed type
 * @param actor   who made the change, from the event's extension attributes; null for an event without them
 * @param origin  where the consumer read it: pass the event to {@link Inbox#markApplied(java.sql.Connection, String,
 *                ReceivedEvent)} so that its inbox row can be purged once it cannot come back ({@link InboxRetention})
 */
public record ReceivedEvent(String id, String type, String source, String subject, Instant time, String key,
                            ParleyEvent payload, Actor actor, Origin origin) {

    /** The consumer group that read the event, and the record's topic, partition and offset. */
    public record Origin(String group, String topic, int partition, long offset) {
    }
}
