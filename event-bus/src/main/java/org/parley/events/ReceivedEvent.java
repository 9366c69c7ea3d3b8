package org.parley.events;

import java.time.Instant;

/**
 * An event as a consumer receives it: the CloudEvents attributes, the Kafka key and the decoded record.
 *
 * @param id      the CloudEvents id: pass it to {@link Inbox#markApplied}
 * @param key     the Kafka record key (the party or negotiation id)
 * @param payload one of the records in {@link EventCatalog#all()}; switch on its root's sealed type
 * @param actor   who made the change, from the event's extension attributes; null for an event without them
 */
public record ReceivedEvent(String id, String type, String source, String subject, Instant time, String key,
                            ParleyEvent payload, Actor actor) {
}
