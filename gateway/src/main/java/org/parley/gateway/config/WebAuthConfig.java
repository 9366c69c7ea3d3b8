package org.parley.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * How the web client at {@code /} signs users in, served to it as {@code GET /web/config.json}. Each key
 * can be set by an environment variable, e.g. {@code PARLEY_WEB_AUTH_MODE=oidc}.
 */
@ConfigMapping(prefix = "parley.web.auth")
public interface WebAuthConfig {

    /** {@code none}: no sign-in (no access control); {@code dev}: the dev token issuer; {@code oidc}: an OpenID provider. */
    @WithDefault("none")
    Mode mode();

    /** Mode dev: where the client gets a token, {@code GET <url>?role=analyst}. */
    Optional<String> devTokenUrl();

    /** Mode oidc: the issuer, whose discovery document is at {@code <issuer>/.well-known/openid-configuration}. */
    Optional<String> issuer();

    /** Mode oidc: the public client the web client signs in as (authorization code flow with PKCE). */
    Optional<String> clientId();

    /** Where the token holds the user's roles, as a dotted path, e.g. {@code realm_access.roles}. */
    @WithDefault("groups")
    String rolesClaim();

    enum Mode {
        none, dev, oidc
    }
}
