package org.parley.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/**
 * Where the gateway finds the services it routes to, and how long it waits for them. Each key can be
 * set by an environment variable, e.g. {@code PARLEY_GATEWAY_PARTY_SERVICE_URL}.
 */
@ConfigMapping(prefix = "parley.gateway")
public interface GatewayConfig {

    /** The address clients reach the gateway at; it is the one server the OpenAPI document names. */
    @WithDefault("http://localhost:8080")
    URI publicUrl();

    Downstream partyService();

    Downstream negotiationService();

    /**
     * How long to wait for a TCP connection to a service. Short, because a service that does not accept
     * connections is down, and the client is better served by a prompt 503 than by waiting.
     */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * Connections kept open to each service. Sized for 64 concurrent requests per gateway instance; more wait
     * for a free connection rather than fail.
     */
    @WithDefault("64")
    int connectionPoolSize();

    /**
     * How long an idle pooled connection to a service is kept. Must be shorter than the services' own idle
     * timeout ({@code quarkus.http.idle-timeout}, 30 minutes by default, or whatever a proxy in between
     * allows), so that the gateway closes an idle connection before the service does and never reuses one
     * the service has already closed.
     */
    @WithDefault("20s")
    Duration connectionKeepAlive();

    /** How long a readiness check waits for a service's own readiness. */
    @WithDefault("2s")
    Duration healthTimeout();

    interface Downstream {

        /** Base URL of the service, without a path, e.g. {@code http://localhost:8081}. */
        URI url();

        /** The longest the service may stay silent on one request before the client gets a 504. */
        @WithDefault("10s")
        Duration timeout();
    }
}
