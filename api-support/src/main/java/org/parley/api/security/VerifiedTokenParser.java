package org.parley.api.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * Stands in for SmallRye JWT's parser where Quarkus' bearer-token authentication ({@code MpJwtValidator}) asks
 * for it, so that a service checks the signature of a token once per {@link VerifiedTokens} lifetime rather than on
 * every request. A service receives the same token on every request of a client (through the gateway, which
 * checked it already); the RS256 check and jose4j's JSON parsing of it were almost half of the bytes a position
 * write allocated (docs/performance.md).
 * <p>
 * Every principal it gives is a {@link VerifiedJsonWebToken}, cached or not, so that a request sees the same claims
 * (subject, groups, expiry, the raw token) whether or not its token was checked just now. The other methods take
 * their own key or settings and are passed through unchanged.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenParser implements JWTParser {

    @Inject
    VerifiedTokens tokens;

    /** SmallRye JWT's own parser, for the calls that bring their own key or settings. */
    @Inject
    DefaultJWTParser full;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        VerifiedTokens.Principal principal = tokens.cached(token).orElse(null);
        return new VerifiedJsonWebToken(principal != null ? principal : tokens.verify(token), token);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return full.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return full.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return full.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return full.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return full.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return full.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return full.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return full.parseOnly(token);
    }
}
