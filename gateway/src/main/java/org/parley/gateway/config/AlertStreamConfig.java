package org.parley.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The live alert stream ({@code GET /api/v1/alerts/stream}): what the gateway keeps in memory for clients
 * that reconnect, and how it treats clients that cannot keep up. Each key can be set by an environment
 * variable, e.g. {@code PARLEY_ALERT_STREAM_RETENTION=PT6H}.
 */
@ConfigMapping(prefix = "parley.alert-stream")
public interface AlertStreamConfig {

    /** Off only for a gateway that must not talk to Kafka; the endpoint then answers 503. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("parley.alerts.v1")
    String topic();

    /**
     * How far back a reconnecting client can resume: at start the gateway reads the topic back this far,
     * and it drops alerts older than this from memory.
     */
    @WithDefault("24h")
    Duration retention();

    /**
     * The most alerts kept in memory, whatever their age; the oldest go first. At about 1 KiB an alert,
     * the default is a few MiB of heap.
     */
    @WithDefault("10000")
    int bufferSize();

    /**
     * How many alerts one client may have waiting to be written before it is disconnected as too slow.
     * The queue holds references to alerts already in memory, so a large bound is cheap.
     */
    @WithDefault("512")
    int clientQueueSize();

    /** The interval of the keep-alive comment, which stops proxies from closing an idle stream. */
    @WithDefault("15s")
    Duration keepAlive();

    /** The reconnection delay the stream tells browsers to use ({@code retry:}). */
    @WithDefault("3s")
    Duration retry();
}
