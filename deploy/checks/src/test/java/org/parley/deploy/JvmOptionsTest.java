package org.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.devstack.ServiceLauncher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production JVM settings are one list, {@link ServiceLauncher#PRODUCTION_OPTIONS}: the benchmark launches
 * the services with it, and every deployment must give the services the same, so that what the benchmark
 * measures is what runs.
 */
class JvmOptionsTest {

    private static final List<String> SERVICES = List.of("party-service", "negotiation-service", "gateway");
    private static final String OPTIONS = String.join(" ", ServiceLauncher.PRODUCTION_OPTIONS);

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kubernetesDeploymentsUseTheProductionOptions(String overlay) {
        for (ObjectNode deployment : Kustomize.ofKind(Kustomize.overlay(overlay), "Deployment")) {
            String service = deployment.path("metadata").path("name").asText();
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
            Map<String, String> env = new LinkedHashMap<>();
            container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText(null)));
            assertEquals(OPTIONS, env.get("JDK_JAVA_OPTIONS"), service);
            assertEquals(heapShare(), env.get("JAVA_MAX_MEM_RATIO"), service + ": the image launcher's heap share must agree");
            if (overlay.equals("prod")) {
                String limit = container.path("resources").path("limits").path("memory").asText();
                assertEquals(ServiceLauncher.MEMORY_LIMITS.get(service), limit.replace("Mi", "m"), service + ": the memory limit the benchmark emulates");
            }
        }
    }

    @Test
    void composeServicesUseTheProductionOptions() {
        ObjectNode compose = Compose.file();
        for (String service : SERVICES) {
            JsonNode definition = compose.path("services").path(service);
            assertEquals(OPTIONS, definition.path("environment").path("JDK_JAVA_OPTIONS").asText(null), service);
            assertEquals(heapShare(), definition.path("environment").path("JAVA_MAX_MEM_RATIO").asText(null), service);
        }
    }

    @Test
    void theBenchmarksProfileIsTheProductionOptionsAtTheContainersMemory() {
        List<String> profile = ServiceLauncher.JvmProfile.PRODUCTION.options("negotiation-service");
        assertEquals(ServiceLauncher.PRODUCTION_OPTIONS, profile.subList(0, ServiceLauncher.PRODUCTION_OPTIONS.size()));
        assertTrue(profile.contains("-XX:MaxRAM=512m"), profile.toString());
        assertTrue(ServiceLauncher.JvmProfile.PRODUCTION.options("gateway-2").contains("-XX:MaxRAM=384m"), "an instance is sized as its service");
    }

    private static String heapShare() {
        Matcher share = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(OPTIONS);
        assertTrue(share.find(), OPTIONS);
        return share.group(1);
    }
}
