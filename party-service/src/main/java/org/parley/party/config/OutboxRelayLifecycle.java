package org.parley.party.config;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.parley.events.OutboxRelay;

import java.util.Map;

/**
 * Runs this instance's outbox relay for as long as the application runs. Several instances may run
 * their relays against one database; the relay itself keeps each party's events in order.
 */
@ApplicationScoped
public class OutboxRelayLifecycle {

    private static final Logger LOG = Logger.getLogger(OutboxRelayLifecycle.class);

    @Inject
    AgroalDataSource dataSource;

    /** Every {@code kafka.*} property (bootstrap servers, security), as Quarkus collects them for Kafka clients. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    MeterRegistry registry;

    @Inject
    EventBusConfig config;

    private OutboxRelay relay;

    void start(@Observes StartupEvent startup) {
        relay = new OutboxRelay(dataSource, kafkaConfig, config.relaySettings(), registry);
        relay.start();
        LOG.infof("Outbox relay started, publishing to %s", kafkaConfig.get("bootstrap.servers"));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (relay != null) {
            relay.close();
        }
    }
}
