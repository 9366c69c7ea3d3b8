package org.parley.api.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.devstack.DevTokens;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The parser the services' bearer-token authentication uses: a token is fully checked by SmallRye JWT once, later
 * requests with it are answered from {@link VerifiedTokens}, and the principal looks the same either way.
 */
class VerifiedTokenParserTest {

    private static final String ISSUER = "http://issuer.test";

    @TempDir
    Path dir;

    private DevTokens trusted;
    private final AtomicInteger fullChecks = new AtomicInteger();
    private VerifiedTokenParser parser;

    @BeforeEach
    void trustTheDevIssuer() throws Exception {
        trusted = DevTokens.load(dir.resolve("issuer.jwk"), ISSUER);
        PublicKey key = (PublicKey) new JsonWebKeySet(trusted.jwks()).getJsonWebKeys().get(0).getKey();
        JWTAuthContextInfo info = new JWTAuthContextInfo(key, ISSUER);
        info.setExpectedAudience(Set.of(DevTokens.AUDIENCE));
        DefaultJWTParser full = new DefaultJWTParser(info) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                fullChecks.incrementAndGet();
                return super.parse(token);
            }
        };
        parser = new VerifiedTokenParser();
        parser.full = full;
        parser.tokens = new VerifiedTokens(full, 100, Duration.ofSeconds(60));
    }

    @Test
    void aTokenIsCheckedOnceAndItsPrincipalIsTheSameEachTime() throws Exception {
        Instant expiry = Instant.ofEpochSecond(Instant.now().plus(Duration.ofHours(1)).getEpochSecond());
        String token = trusted.token("desk-3", List.of("analyst"), expiry);

        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertEquals(1, fullChecks.get(), "the second request skips the signature check");
        for (JsonWebToken jwt : List.of(first, second)) {
            assertEquals("desk-3", jwt.getSubject());
            assertEquals("desk-3", jwt.getName());
            assertEquals(Set.of("analyst"), jwt.getGroups());
            assertEquals(expiry.getEpochSecond(), jwt.getExpirationTime());
            assertEquals(token, jwt.getRawToken());
        }
    }

    @Test
    void aTokenOfAnotherIssuerIsRefusedEveryTime() throws Exception {
        String forged = DevTokens.foreign().token("intruder", List.of("admin"), Instant.now().plus(Duration.ofHours(1)));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThrows(ParseException.class, () -> parser.parse(forged));
        }
        assertEquals(2, fullChecks.get());
    }
}
