package org.parley.devstack;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevIssuerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    Path dataDir;

    @Test
    void handsOutTwelveHourTokensThatItsJwksVerifiesAndKeepsItsKeyAcrossRestarts() throws Exception {
        int port = Ports.free();
        String jwks;
        String token;
        try (DevIssuer issuer = DevIssuer.start(dataDir, port)) {
            HttpResponse<String> answer = get(issuer.tokenUrl() + "?role=analyst");
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("*", answer.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "the web client may fetch it");
            assertTrue(answer.body().contains("\"token_type\":\"Bearer\"") && answer.body().contains("\"expires_in\":43200"), answer.body());
            token = accessToken(answer.body());
            jwks = get(issuer.jwksUrl()).body();
            assertTrue(!jwks.contains("\"d\""), "the JWKS holds no private part");

            String discovery = get(issuer.url() + "/.well-known/openid-configuration").body();
            assertTrue(discovery.contains("\"issuer\":\"" + issuer.url() + "\"") && discovery.contains("\"jwks_uri\":\"" + issuer.jwksUrl() + "\""), discovery);
            assertEquals(400, get(issuer.tokenUrl() + "?role=root").statusCode(), "only Parley's roles");
            assertEquals(400, get(issuer.tokenUrl()).statusCode(), "a role is required");
        }

        JwtClaims claims = verifier(jwks, DevIssuer.urlFor(port)).processToClaims(token);
        assertEquals(List.of("analyst"), claims.getStringListClaimValue("groups"));
        assertEquals("dev-analyst", claims.getSubject());
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(12 * 3600, lifetime);

        try (DevIssuer again = DevIssuer.start(dataDir, port)) {
            assertEquals(jwks, get(again.jwksUrl()).body(), "the key pair is kept in the data directory");
        }
    }

    @Test
    void expiredAndForeignTokensDoNotVerify() throws Exception {
        DevTokens tokens = DevTokens.load(DevIssuer.keyFile(dataDir), "http://localhost:1");
        JwtConsumer verifier = verifier(tokens.jwks(), tokens.issuer());
        verifier.processToClaims(tokens.token("viewer"));
        assertThrows(InvalidJwtException.class, () -> verifier.processToClaims(tokens.token("x", List.of("admin"), Instant.now().minusSeconds(60))));
        assertThrows(InvalidJwtException.class, () -> verifier.processToClaims(DevTokens.foreign().token("admin")));
    }

    private static JwtConsumer verifier(String jwks, String issuer) throws Exception {
        return new JwtConsumerBuilder()
                .setExpectedIssuer(issuer)
                .setExpectedAudience(DevTokens.AUDIENCE)
                .setRequireExpirationTime()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .build();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String accessToken(String body) {
        Matcher matcher = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        assertTrue(matcher.find(), body);
        return matcher.group(1);
    }
}
