package org.parley.party.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.parley.events.OutboxRelay;

import java.time.Duration;

/**
 * The outbox relay's settings ({@code PARLEY_EVENT_BUS_*} in the environment). The defaults suit both the
 * local run and production: commits wake the relay at once, so the poll interval is only a fallback.
 */
@ConfigMapping(prefix = "parley.event-bus")
public interface EventBusConfig {

    /** How long the relay waits for a commit notification before it looks at the outbox anyway. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Outbox rows claimed and sent per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long sent rows are kept, to inspect or replay, before they are deleted. */
    @WithDefault("7d")
    Duration retention();

    /** The longest wait between two attempts while Kafka or the database is unreachable. */
    @WithDefault("30s")
    Duration maxBackoff();

    default OutboxRelay.Settings relaySettings() {
        return new OutboxRelay.Settings(pollInterval(), batchSize(), retention(), maxBackoff());
    }
}
