package org.parley.events;

/**
 * One fact a Parley service publishes. Every implementation is a record named in the {@code permits} list
 * of one of the three roots ({@link org.parley.events.party.PartyEvent},
 * {@link org.parley.events.negotiation.NegotiationEvent}, {@link org.parley.events.alert.AlertEvent}) and
 * carries an {@link EventType}; {@link EventCatalog} is built from those lists.
 */
public interface ParleyEvent {

    /** The id of the aggregate this event is about: the CloudEvents {@code subject}. */
    String subject();

    /**
     * The Kafka record key: the aggregate that orders these events. Consumers see the events of one key
     * in the order they were committed.
     */
    String partitionKey();
}
