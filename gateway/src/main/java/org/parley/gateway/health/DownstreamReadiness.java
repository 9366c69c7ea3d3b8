package org.parley.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.routing.RoutingTable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One readiness check per service behind the gateway: the gateway is only ready to route when every
 * service it routes to says it is ready itself. Kafka's check comes from quarkus-kafka-client.
 */
@ApplicationScoped
public class DownstreamReadiness {

    private final GatewayConfig config;
    private final HttpClient http;

    DownstreamReadiness(GatewayConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.healthTimeout()).build();
    }

    @Produces
    @Readiness
    HealthCheck partyService() {
        return () -> check(RoutingTable.PARTY_SERVICE, config.partyService());
    }

    @Produces
    @Readiness
    HealthCheck negotiationService() {
        return () -> check(RoutingTable.NEGOTIATION_SERVICE, config.negotiationService());
    }

    private HealthCheckResponse check(String name, GatewayConfig.Downstream downstream) {
        URI ready = downstream.url().resolve("/q/health/ready");
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).withData("url", downstream.url().toString());
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(ready).timeout(config.healthTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.status(answer.statusCode() == 200).withData("status", answer.statusCode()).build();
        } catch (IOException e) {
            return response.down().withData("error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
