package org.parley.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens the gateway has verified recently, so that a client sending the same token on every request
 * (every client does, for the token's lifetime) pays for the signature check once rather than per request.
 * On a 2-core machine the RS256 check, the claim parsing and the hop to a worker thread were the largest part
 * of the gateway's CPU per proxied read (docs/performance.md, P1).
 * <p>
 * What is kept, and why it stays safe:
 * <ul>
 *   <li>keyed by the SHA-256 of the token, not the token: the heap holds no usable credential, and a token that
 *       differs in one byte (a forged signature, other claims) is a different key and goes to the full check;</li>
 *   <li>only what the guard needs (subject, roles, expiry), and only for tokens that passed the full check;
 *       a refused token is never remembered, so it is checked again (and refused again) each time;</li>
 *   <li>each entry lives until the token's expiry or {@code ttl} after it was verified, whichever comes first,
 *       and every hit checks the expiry again: past it the token goes back to the full check, which refuses it
 *       (within the issuer's configured clock skew, as an uncached one would be);</li>
 *   <li>the {@code ttl} bounds how long a token signed by a key the issuer has since withdrawn from its JWKS is
 *       still let through; the JWT library itself refreshes the JWKS far less often;</li>
 *   <li>at most {@code maxSize} entries; past it the least useful are evicted (Caffeine's W-TinyLFU).</li>
 * </ul>
 */
public final class VerifiedTokens {

    /** What the guard needs of a verified token. {@code expiresAt} in epoch seconds ({@code exp}). */
    public record Principal(String subject, Set<String> roles, long expiresAt) {
    }

    private final JWTParser parser;
    private final Clock clock;
    /** Null when caching is off ({@code ttl} or {@code maxSize} zero): every request is fully verified. */
    private final Cache<String, Principal> verified;

    public VerifiedTokens(JWTParser parser, int maxSize, Duration ttl) {
        this(parser, maxSize, ttl, Clock.systemUTC(), Ticker.systemTicker());
    }

    /** With the clocks a test can move: {@code clock} for the tokens' expiry, {@code ticker} for the cache's TTL. */
    VerifiedTokens(JWTParser parser, int maxSize, Duration ttl, Clock clock, Ticker ticker) {
        this.parser = parser;
        this.clock = clock;
        this.verified = maxSize <= 0 || ttl.isZero() || ttl.isNegative() ? null : Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticker)
                .expireAfter(new UntilExpiryOrTtl(clock, ttl.toNanos()))
                .build();
    }

    /**
     * The principal of a token already verified and not expired, without verifying it again; empty when it
     * must be verified ({@link #verify}), which blocks (a JWKS fetch) and belongs on a worker thread.
     */
    public Optional<Principal> cached(String token) {
        if (verified == null) {
            return Optional.empty();
        }
        String key = digest(token);
        Principal principal = verified.getIfPresent(key);
        if (principal == null) {
            return Optional.empty();
        }
        if (clock.millis() >= principal.expiresAt() * 1000) {
            verified.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(principal);
    }

    /** The full check (signature, issuer, audience, expiry) by SmallRye JWT; a token that passes is remembered. */
    public Principal verify(String token) throws ParseException {
        JsonWebToken jwt = parser.parse(token);
        Principal principal = new Principal(jwt.getSubject() != null ? jwt.getSubject() : jwt.getName(),
                Set.copyOf(jwt.getGroups()), jwt.getExpirationTime());
        // A token accepted only thanks to the clock skew (already past exp) is not kept: the next request checks it again.
        if (verified != null && clock.millis() < principal.expiresAt() * 1000) {
            verified.put(digest(token), principal);
        }
        return principal;
    }

    /** Entries now held; for tests and metrics. */
    long size() {
        if (verified == null) {
            return 0;
        }
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** An entry lives until its token expires or {@code ttl} after it was verified, whichever is first. */
    private record UntilExpiryOrTtl(Clock clock, long ttlNanos) implements Expiry<String, Principal> {

        @Override
        public long expireAfterCreate(String key, Principal principal, long currentTime) {
            long untilExpiry = Math.max(0, principal.expiresAt() * 1000 - clock.millis()) * 1_000_000L;
            return Math.min(untilExpiry, ttlNanos);
        }

        @Override
        public long expireAfterUpdate(String key, Principal principal, long currentTime, long currentDuration) {
            return expireAfterCreate(key, principal, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Principal principal, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
