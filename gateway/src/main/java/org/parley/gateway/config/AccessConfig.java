package org.parley.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The gateway's guards in front of {@code /api/v1}: a rate limit per token subject and a cap on request
 * bodies. Each key can be set by an environment variable, e.g. {@code PARLEY_ACCESS_RATE_LIMIT_REQUESTS}.
 * Tokens themselves are checked with the standard {@code mp.jwt.verify.*} keys (see docs/security.md), and verified
 * ones kept as {@code parley.access.token-cache.*} sets (api-support's {@code TokenCacheConfig}).
 */
@ConfigMapping(prefix = "parley.access")
public interface AccessConfig {

    RateLimit rateLimit();

    /** The largest request body the gateway passes on; a larger one is refused with 413 before it reaches a service. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    interface RateLimit {

        /** Requests one subject may make per {@link #period()}; they may come in one burst. */
        @WithDefault("600")
        long requests();

        @WithDefault("1m")
        Duration period();
    }
}
