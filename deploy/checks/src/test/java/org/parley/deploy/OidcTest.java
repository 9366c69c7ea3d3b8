package org.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Keycloak realm export holds the three roles and the web client, and puts into the token what the
 * deployments tell the services to look for: the roles in "groups", the API in "aud".
 */
class OidcTest {

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(Checkout.path("deploy/k8s/keycloak/parley-realm.json").toFile());
    }

    @Test
    void theRealmHasTheThreeRolesEachIncludingTheLowerOnes() throws IOException {
        JsonNode roles = realm().path("roles").path("realm");
        Set<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.path("name").asText()));
        assertEquals(Set.of("admin", "analyst", "viewer"), names);
        for (JsonNode role : roles) {
            String composite = role.path("composites").path("realm").toString();
            switch (role.path("name").asText()) {
                case "admin" -> assertEquals("[\"analyst\"]", composite);
                case "analyst" -> assertEquals("[\"viewer\"]", composite);
                default -> assertEquals("", composite);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theDeploymentsAskForWhatTheRealmIssues(String overlay) throws IOException {
        JsonNode realm = realm();
        ObjectNode oidc = Kustomize.ofKind(Kustomize.overlay(overlay), "ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asText().startsWith("parley-oidc")).findFirst().orElseThrow();
        JsonNode data = oidc.path("data");
        assertTrue(data.path("issuer").asText().endsWith("/realms/" + realm.path("realm").asText()), data.toString());
        assertEquals(data.path("issuer").asText() + "/protocol/openid-connect/certs", data.path("jwks-url").asText());

        JsonNode client = null;
        for (JsonNode each : realm.path("clients")) {
            if (each.path("clientId").asText().equals(data.path("client-id").asText())) {
                client = each;
            }
        }
        assertTrue(client != null && client.path("publicClient").asBoolean() && client.path("standardFlowEnabled").asBoolean(),
                "a public client with the authorization code flow");
        assertEquals("S256", client.path("attributes").path("pkce.code.challenge.method").asText());
        List<JsonNode> mappers = new java.util.ArrayList<>();
        client.path("protocolMappers").forEach(mappers::add);
        assertTrue(mappers.stream().anyMatch(m -> m.path("protocolMapper").asText().equals("oidc-usermodel-realm-role-mapper")
                && m.path("config").path("claim.name").asText().equals(data.path("roles-claim").asText())
                && data.path("roles-claim").asText().equals(data.path("roles-claim-path").asText())), "roles in the claim the services read");
        assertTrue(mappers.stream().anyMatch(m -> m.path("protocolMapper").asText().equals("oidc-audience-mapper")
                && m.path("config").path("included.custom.audience").asText().equals(data.path("audience").asText())), "the audience the services accept");
    }
}
