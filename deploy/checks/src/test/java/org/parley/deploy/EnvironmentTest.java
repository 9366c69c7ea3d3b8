package org.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every environment variable a deployment sets is one the service reads, and every required one is set. */
class EnvironmentTest {

    private static final List<String> SERVICES = List.of("party-service", "negotiation-service", "gateway");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kubernetesDeploymentsSetWhatTheServicesRead(String overlay) {
        List<ObjectNode> deployments = Kustomize.ofKind(Kustomize.overlay(overlay), "Deployment");
        assertEquals(Set.copyOf(SERVICES), Set.copyOf(deployments.stream().map(d -> d.path("metadata").path("name").asText()).toList()));
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : deployments) {
            String service = deployment.path("metadata").path("name").asText();
            List<String> variables = new ArrayList<>();
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                container.path("env").forEach(e -> variables.add(e.path("name").asText()));
                assertTrue(container.path("envFrom").isMissingNode(), "envFrom hides the names from this check; name each variable");
            }
            problems.addAll(ServiceSettings.of(service).problems(variables));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void composeServicesSetWhatTheServicesRead() {
        ObjectNode compose = Compose.file();
        List<String> problems = new ArrayList<>();
        for (String service : SERVICES) {
            problems.addAll(ServiceSettings.of(service).problems(Compose.environment(compose, service)));
        }
        assertEquals(List.of(), problems);
    }

    // --- the check can fail ---

    @Test
    void aVariableNoServiceReadsIsReported() {
        ServiceSettings gateway = ServiceSettings.of("gateway");
        List<String> variables = new ArrayList<>(gateway.required());
        variables.add("PARLEY_GATEWAY_PARTY_SERVICE_ULR");
        variables.add("KAFKA_SASL_JASS_CONFIG");
        variables.add("QUARKUS_DATASOURCE_JDBC_URL");
        assertEquals(List.of(
                "gateway sets KAFKA_SASL_JASS_CONFIG, which gateway does not read",
                "gateway sets PARLEY_GATEWAY_PARTY_SERVICE_ULR, which gateway does not read",
                "gateway sets QUARKUS_DATASOURCE_JDBC_URL, which gateway does not read"), gateway.problems(variables));
    }

    @Test
    void aMissingRequiredSettingIsReported() {
        ServiceSettings negotiation = ServiceSettings.of("negotiation-service");
        List<String> variables = new ArrayList<>(negotiation.required());
        variables.remove("QUARKUS_DATASOURCE_JDBC_URL");
        assertEquals(List.of("negotiation-service needs QUARKUS_DATASOURCE_JDBC_URL, which is not set"), negotiation.problems(variables));
    }

    @Test
    void theServicesOwnSettingsAreFoundInTheirSources() {
        ServiceSettings gateway = ServiceSettings.of("gateway");
        // application.properties, a nested @ConfigMapping group, a mapping with defaults, a Kafka client setting
        assertTrue(gateway.reads("PARLEY_GATEWAY_NEGOTIATION_SERVICE_TIMEOUT"));
        assertTrue(gateway.reads("PARLEY_GATEWAY_CONNECT_TIMEOUT"));
        assertTrue(gateway.reads("PARLEY_ALERT_STREAM_CLIENT_QUEUE_SIZE"));
        assertTrue(gateway.reads("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertTrue(gateway.required().containsAll(Set.of("PARLEY_GATEWAY_PARTY_SERVICE_URL", "PARLEY_GATEWAY_NEGOTIATION_SERVICE_URL",
                "KAFKA_BOOTSTRAP_SERVERS", "PARLEY_GATEWAY_PUBLIC_URL")), gateway.required().toString());
        assertTrue(ServiceSettings.of("party-service").reads("PARLEY_EVENT_BUS_MAX_BACKOFF"));
    }
}
