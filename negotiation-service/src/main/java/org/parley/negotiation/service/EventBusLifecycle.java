package org.parley.negotiation.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.parley.events.Topic;
import org.parley.events.quarkus.EventBus;

import java.util.List;

/**
 * Registers the consumer that keeps the local copy of parties and envoys (reading parley.parties.v1) with the
 * shared event bus, which also runs this instance's outbox relay and stops both at shutdown.
 */
@ApplicationScoped
public class EventBusLifecycle {

    public static final String PARTY_COPY_GROUP = "negotiation-service.party-copy";

    @Inject
    EventBus eventBus;

    @Inject
    PartyCopy partyCopy;

    void start(@Observes StartupEvent startup) {
        eventBus.consume(PARTY_COPY_GROUP, List.of(Topic.PARTIES), partyCopy::apply);
    }
}
