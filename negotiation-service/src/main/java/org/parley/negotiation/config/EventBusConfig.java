package org.parley.negotiation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.parley.events.OutboxRelay;

import java.time.Duration;

/** The outbox relay's settings (PARLEY_EVENT_BUS_POLL_INTERVAL, ...). */
@ConfigMapping(prefix = "parley.event-bus")
public interface EventBusConfig {

    /** How long the relay waits for a commit notification before it looks at the outbox anyway. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Outbox rows sent per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long sent outbox rows are kept before they are purged. */
    @WithDefault("7d")
    Duration retention();

    /** The longest wait between retries while Kafka or the database is down. */
    @WithDefault("30s")
    Duration maxBackoff();

    default OutboxRelay.Settings relaySettings() {
        return new OutboxRelay.Settings(pollInterval(), batchSize(), retention(), maxBackoff());
    }
}
