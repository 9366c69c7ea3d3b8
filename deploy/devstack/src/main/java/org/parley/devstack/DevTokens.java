package org.parley.devstack;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Signs the dev issuer's tokens (RS256, with jose4j) with the key pair kept in the dev stack's data
 * directory. Tests use it directly for tokens the issuer's HTTP endpoint does not hand out: expired ones,
 * ones for a chosen subject, and (with {@link #foreign()}) ones from an issuer nobody trusts.
 */
public final class DevTokens {

    /** The roles Parley knows, lowest first; a higher role includes the lower ones. */
    public static final List<String> ROLES = List.of("viewer", "analyst", "admin");
    /** The audience every Parley service checks ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "parley";
    /** The claim the dev issuer puts the roles in: SmallRye JWT's default ({@code smallrye.jwt.path.groups}). */
    public static final String ROLES_CLAIM = "groups";
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final String issuer;
    private final RsaJsonWebKey key;

    private DevTokens(String issuer, RsaJsonWebKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    /** The issuer's key pair in {@code keyFile}, created there (readable by the owner only) on first use. */
    public static DevTokens load(Path keyFile, String issuer) {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                Path written = Files.writeString(Files.createTempFile(keyFile.getParent(), "key", ".tmp"),
                        newKey().toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
                restrict(written);
                // Two stacks starting at once must end up with one key: the first move wins, the second one's is dropped.
                try {
                    Files.move(written, keyFile);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    Files.deleteIfExists(written);
                }
            }
            JsonWebKey jwk = JsonWebKey.Factory.newJwk(Files.readString(keyFile, StandardCharsets.UTF_8));
            if (!(jwk instanceof RsaJsonWebKey rsa) || rsa.getPrivateKey() == null) {
                throw new DevStackException("The dev issuer's key " + keyFile + " is not an RSA private key; delete it to get a new one");
            }
            return new DevTokens(issuer, rsa);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the dev issuer's key " + keyFile, e);
        } catch (JoseException e) {
            throw new DevStackException("The dev issuer's key " + keyFile + " cannot be read (" + e.getMessage() + "); delete it to get a new one", e);
        }
    }

    /** An issuer with a key of its own that no Parley service trusts: what a forged or misrouted token looks like. */
    public static DevTokens foreign() {
        return new DevTokens("https://issuer.invalid/untrusted", newKey());
    }

    public String issuer() {
        return issuer;
    }

    /** The public half of the key, as the JWKS document services fetch. */
    public String jwks() {
        return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** A token for {@code role}, valid for {@link #LIFETIME}, with the subject {@code dev-<role>}. */
    public String token(String role) {
        return token("dev-" + role, List.of(role), Instant.now().plus(LIFETIME));
    }

    /** A token with the given subject and roles that expires at {@code expiresAt} (in the past for an expired one). */
    public String token(String subject, List<String> roles, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("preferred_username", subject);
        claims.setStringListClaim(ROLES_CLAIM, roles);
        Instant issuedAt = expiresAt.isBefore(Instant.now()) ? expiresAt.minus(LIFETIME) : Instant.now();
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new DevStackException("Could not sign a dev token: " + e.getMessage(), e);
        }
    }

    private static RsaJsonWebKey newKey() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(UUID.randomUUID().toString());
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new DevStackException("Could not generate the dev issuer's key: " + e.getMessage(), e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the data directory's own permissions are all there is.
        }
    }
}
