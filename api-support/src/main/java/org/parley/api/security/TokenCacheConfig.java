package org.parley.api.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Verified bearer tokens kept so that a client's next requests skip the signature check ({@link VerifiedTokens}),
 * the same keys in the gateway and both services, e.g. {@code PARLEY_ACCESS_TOKEN_CACHE_TTL}; {@code ttl} 0 turns it off.
 */
@ConfigMapping(prefix = "parley.access.token-cache")
public interface TokenCacheConfig {

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
