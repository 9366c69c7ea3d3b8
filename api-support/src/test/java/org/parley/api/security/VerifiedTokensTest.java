package org.parley.api.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.devstack.DevTokens;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cache of verified tokens with SmallRye JWT's real parser and real RS256 tokens from the dev issuer's
 * signer: it saves the signature check and nothing else; expired tokens, tokens of a key that is no longer
 * trusted and tokens of another issuer are refused, cached or not; it stays within its bound.
 */
class VerifiedTokensTest {

    private static final String ISSUER = "http://issuer.test";
    private static final Duration TTL = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private DevTokens trusted;
    /** The parser the cache uses; a test replaces it to model the issuer withdrawing its key. */
    private final AtomicReference<JWTParser> parser = new AtomicReference<>();
    private final AtomicInteger fullChecks = new AtomicInteger();
    private final AtomicLong tickerNanos = new AtomicLong();
    private final Ticker ticker = tickerNanos::get;

    @BeforeEach
    void trustTheDevIssuer() throws Exception {
        trusted = DevTokens.load(dir.resolve("issuer.jwk"), ISSUER);
        parser.set(parserTrusting(trusted));
    }

    private static JWTParser parserTrusting(DevTokens issuer) throws Exception {
        PublicKey key = (PublicKey) new JsonWebKeySet(issuer.jwks()).getJsonWebKeys().get(0).getKey();
        JWTAuthContextInfo info = new JWTAuthContextInfo(key, ISSUER);
        info.setExpectedAudience(Set.of(DevTokens.AUDIENCE));
        // No grace after exp: the tests below cross a token's expiry by a second or two, not by a minute.
        info.setExpGracePeriodSecs(0);
        info.setClockSkew(0);
        return new DefaultJWTParser(info);
    }

    /** The cache under test, in front of {@link #parser}, counting the full checks that reach it. */
    private VerifiedTokens cache(int maxSize, Clock clock) {
        JWTParser counting = new DefaultJWTParser() {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                fullChecks.incrementAndGet();
                return parser.get().parse(token);
            }
        };
        return new VerifiedTokens(counting, maxSize, TTL, clock, ticker);
    }

    @Test
    void aVerifiedTokenIsServedFromTheCacheWithItsSubjectAndRoles() throws Exception {
        VerifiedTokens tokens = cache(100, Clock.systemUTC());
        String token = trusted.token("desk-7", List.of("analyst"), Instant.now().plus(Duration.ofHours(1)));

        assertTrue(tokens.cached(token).isEmpty(), "not verified yet");
        VerifiedTokens.Principal verified = tokens.verify(token);
        VerifiedTokens.Principal cached = tokens.cached(token).orElseThrow();

        assertEquals("desk-7", cached.subject());
        assertEquals(Set.of("analyst"), cached.roles());
        assertEquals(verified, cached);
        assertEquals(1, fullChecks.get());
    }

    @Test
    void anExpiredTokenIsRefusedEvenThoughItWasCached() throws Exception {
        VerifiedTokens tokens = cache(100, Clock.systemUTC());
        // JWT expiry has whole seconds: this one expires within the next two.
        Instant expiry = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 2);
        String token = trusted.token("desk-short", List.of("viewer"), expiry);
        tokens.verify(token);
        assertTrue(tokens.cached(token).isPresent());

        while (Instant.now().isBefore(expiry.plusMillis(50))) {
            Thread.sleep(50);
        }

        assertTrue(tokens.cached(token).isEmpty(), "past exp the cache no longer vouches for the token");
        assertThrows(ParseException.class, () -> tokens.verify(token), "and the full check refuses it");
        assertTrue(tokens.cached(token).isEmpty(), "a refused token is not remembered");
    }

    @Test
    void theExpiryIsCheckedOnEveryHitNotOnlyWhenTheEntryIsEvicted() throws Exception {
        Instant now = Instant.now();
        AtomicReference<Instant> wallClock = new AtomicReference<>(now);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return wallClock.get();
            }
        };
        VerifiedTokens tokens = cache(100, clock);
        String token = trusted.token("desk-8", List.of("viewer"), now.plus(Duration.ofSeconds(30)));
        tokens.verify(token);

        // The wall clock passes exp while the cache's own timer (its ticker) stands still: the hit itself must refuse.
        wallClock.set(now.plus(Duration.ofSeconds(31)));

        assertTrue(tokens.cached(token).isEmpty());
    }

    @Test
    void aTokenOfAWithdrawnKeyIsRefusedOnceTheTtlHasPassed() throws Exception {
        VerifiedTokens tokens = cache(100, Clock.systemUTC());
        String token = trusted.token("desk-9", List.of("admin"), Instant.now().plus(Duration.ofHours(1)));
        tokens.verify(token);

        // The issuer withdraws its key and signs with a new one; the gateway's JWKS now has only the new key.
        DevTokens rotated = DevTokens.load(dir.resolve("rotated.jwk"), ISSUER);
        parser.set(parserTrusting(rotated));
        assertTrue(tokens.cached(token).isPresent(), "within the TTL the earlier check still counts");

        tickerNanos.addAndGet(TTL.plusSeconds(1).toNanos());

        assertTrue(tokens.cached(token).isEmpty(), "past the TTL the token is checked again");
        assertThrows(ParseException.class, () -> tokens.verify(token), "and refused: its key is no longer trusted");
        String fresh = rotated.token("desk-9", List.of("admin"), Instant.now().plus(Duration.ofHours(1)));
        assertEquals("desk-9", tokens.verify(fresh).subject());
    }

    @Test
    void anotherIssuersTokenIsRefusedEveryTimeAndNeverCached() throws Exception {
        VerifiedTokens tokens = cache(100, Clock.systemUTC());
        String forged = DevTokens.foreign().token("intruder", List.of("admin"), Instant.now().plus(Duration.ofHours(1)));

        for (int attempt = 0; attempt < 3; attempt++) {
            assertTrue(tokens.cached(forged).isEmpty());
            assertThrows(ParseException.class, () -> tokens.verify(forged));
        }
        assertEquals(3, fullChecks.get(), "each attempt is fully checked");
        assertEquals(0, tokens.size());
    }

    @Test
    void aTamperedCopyOfACachedTokenIsNotACacheHit() throws Exception {
        VerifiedTokens tokens = cache(100, Clock.systemUTC());
        String token = trusted.token("desk-10", List.of("viewer"), Instant.now().plus(Duration.ofHours(1)));
        tokens.verify(token);
        String[] parts = token.split("\\.");
        String otherPayload = trusted.token("desk-10", List.of("admin"), Instant.now().plus(Duration.ofHours(1))).split("\\.")[1];
        String tampered = parts[0] + "." + otherPayload + "." + parts[2];

        assertTrue(tokens.cached(tampered).isEmpty());
        assertThrows(ParseException.class, () -> tokens.verify(tampered));
    }

    @Test
    void theCacheStaysWithinItsBound() throws Exception {
        VerifiedTokens tokens = cache(5, Clock.systemUTC());
        for (int i = 0; i < 40; i++) {
            tokens.verify(trusted.token("desk-" + i, List.of("viewer"), Instant.now().plus(Duration.ofHours(1))));
        }

        assertTrue(tokens.size() <= 5, "at most 5 entries, holds " + tokens.size());
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(parser.get(), 100, Duration.ZERO);
        String token = trusted.token("desk-11", List.of("viewer"), Instant.now().plus(Duration.ofHours(1)));
        tokens.verify(token);

        assertTrue(tokens.cached(token).isEmpty());
    }
}
