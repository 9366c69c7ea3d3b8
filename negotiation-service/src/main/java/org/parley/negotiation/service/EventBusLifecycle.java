package org.parley.negotiation.service;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.parley.events.EventConsumer;
import org.parley.events.OutboxRelay;
import org.parley.events.Topic;
import org.parley.negotiation.config.EventBusConfig;

import java.util.List;
import java.util.Map;

/**
 * Runs this instance's outbox relay (publishing parley.negotiations.v1) and the consumer that keeps the local
 * copy of parties and envoys (reading parley.parties.v1), for as long as the application runs.
 */
@ApplicationScoped
public class EventBusLifecycle {

    public static final String PARTY_COPY_GROUP = "negotiation-service.party-copy";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    EventBusConfig config;

    @Inject
    PartyCopy partyCopy;

    /**
     * Every {@code kafka.*} property (bootstrap servers and, in production, TLS and SASL), as Quarkus collects
     * them for Kafka clients; the relay and the consumer both connect with it, as party-service's relay does.
     */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private OutboxRelay relay;
    private EventConsumer parties;

    void start(@Observes StartupEvent startup) {
        relay = new OutboxRelay(dataSource, kafkaConfig, config.relaySettings(), registry);
        relay.start();
        parties = new EventConsumer(PARTY_COPY_GROUP, kafkaConfig, List.of(Topic.PARTIES), partyCopy::apply);
        parties.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (parties != null) {
            parties.close();
        }
        if (relay != null) {
            relay.close();
        }
    }
}
