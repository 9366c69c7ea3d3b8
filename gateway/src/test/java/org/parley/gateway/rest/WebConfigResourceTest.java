package org.parley.gateway.rest;

import org.junit.jupiter.api.Test;
import org.parley.gateway.config.WebAuthConfig;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** /web/config.json names only what the configured mode uses, as the client and auth contract says. */
class WebConfigResourceTest {

    @Test
    void devModeGivesTheTokenUrl() {
        WebConfigResource.Auth auth = body(WebAuthConfig.Mode.dev, "groups");
        assertEquals("dev", auth.mode());
        assertEquals("http://localhost:8099/token", auth.devTokenUrl());
        assertNull(auth.issuer());
        assertNull(auth.clientId());
        assertEquals("groups", auth.rolesClaim());
    }

    @Test
    void oidcModeGivesTheIssuerClientAndRolesClaim() {
        WebConfigResource.Auth auth = body(WebAuthConfig.Mode.oidc, "realm_access.roles");
        assertEquals("oidc", auth.mode());
        assertEquals("https://kc.example/realms/parley", auth.issuer());
        assertEquals("parley-web", auth.clientId());
        assertEquals("realm_access.roles", auth.rolesClaim());
        assertNull(auth.devTokenUrl());
    }

    private static WebConfigResource.Auth body(WebAuthConfig.Mode mode, String rolesClaim) {
        WebAuthConfig config = new WebAuthConfig() {
            public Mode mode() { return mode; }
            public Optional<String> devTokenUrl() { return Optional.of("http://localhost:8099/token"); }
            public Optional<String> issuer() { return Optional.of("https://kc.example/realms/parley"); }
            public Optional<String> clientId() { return Optional.of("parley-web"); }
            public String rolesClaim() { return rolesClaim; }
        };
        return ((WebConfigResource.WebConfig) new WebConfigResource(config).get().getEntity()).auth();
    }
}
