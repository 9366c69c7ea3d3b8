package org.parley.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The gateway's guards in front of {@code /api/v1}: a rate limit per token subject and a cap on request
 * bodies. Each key can be set by an environment variable, e.g. {@code PARLEY_ACCESS_RATE_LIMIT_REQUESTS}.
 * Tokens themselves are checked with the standard {@code mp.jwt.verify.*} keys (see docs/security.md).
 */
@ConfigMapping(prefix = "parley.access")
public interface AccessConfig {

    RateLimit rateLimit();

    TokenCache tokenCache();

    /** The largest request body the gateway passes on; a larger one is refused with 413 before it reaches a service. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Verified bearer tokens kept so that a client's next requests skip the signature check
     * (security.VerifiedTokens); {@code ttl} 0 turns it off.
     */
    interface TokenCache {

        /** The most tokens kept; one per active client session is enough. */
        @WithDefault("10000")
        int maxSize();

        /**
         * How long a verified token is trusted without a new check (never past its expiry): the longest a token
         * signed by a key the issuer has withdrawn is still let through.
         */
        @WithDefault("60s")
        Duration ttl();
    }

    interface RateLimit {

        /** Requests one subject may make per {@link #period()}; they may come in one burst. */
        @WithDefault("600")
        long requests();

        @WithDefault("1m")
        Duration period();
    }
}
