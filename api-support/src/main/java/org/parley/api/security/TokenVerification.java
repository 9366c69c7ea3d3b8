package org.parley.api.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The one {@link VerifiedTokens} of a process, in front of SmallRye JWT's own parser (the full check with the
 * {@code mp.jwt.verify.*} keys). The gateway's guard asks it directly; in the services Quarkus' bearer-token
 * authentication reaches it through {@link VerifiedTokenParser}.
 */
@ApplicationScoped
public class TokenVerification {

    @Produces
    @Singleton
    VerifiedTokens verifiedTokens(DefaultJWTParser parser, TokenCacheConfig config) {
        return new VerifiedTokens(parser, config.maxSize(), config.ttl());
    }
}
