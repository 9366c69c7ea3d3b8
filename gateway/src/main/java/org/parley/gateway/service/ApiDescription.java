package org.parley.gateway.service;

import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.logging.Logger;
import org.parley.api.ApiException;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.routing.RoutingTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The OpenAPI document of the whole API: each service's own document (its {@code /q/openapi}), read when
 * asked for so that it is never staler than the services, merged with the gateway's own operations.
 */
@ApplicationScoped
public class ApiDescription {

    private static final Logger LOG = Logger.getLogger(ApiDescription.class);
    private static final String BASE = "/org/parley/gateway/openapi-base.yaml";

    private final GatewayConfig config;
    private final OpenApiMerger merger;
    private final OpenApiDocumentService ownDocument;
    private final HttpClient http;

    ApiDescription(GatewayConfig config, RoutingTable routing, OpenApiDocumentService ownDocument) {
        this.config = config;
        this.merger = new OpenApiMerger(routing);
        this.ownDocument = ownDocument;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    public OpenAPI merged() {
        List<OpenApiMerger.Source> sources = List.of(
                new OpenApiMerger.Source(RoutingTable.PARTY_SERVICE, fetch(RoutingTable.PARTY_SERVICE, config.partyService())),
                new OpenApiMerger.Source(RoutingTable.NEGOTIATION_SERVICE, fetch(RoutingTable.NEGOTIATION_SERVICE, config.negotiationService())),
                new OpenApiMerger.Source(RoutingTable.GATEWAY, OpenApiDocuments.parse(
                        new String(ownDocument.getDocument("<default>", Format.JSON), StandardCharsets.UTF_8))));
        try {
            return merger.merge(base(), sources);
        } catch (OpenApiMerger.ConflictException e) {
            LOG.error(e.getMessage());
            throw new ApiException(500, "openapi-conflict", "The API description is inconsistent", e.getMessage());
        }
    }

    private OpenAPI base() {
        try (InputStream in = ApiDescription.class.getResourceAsStream(BASE)) {
            if (in == null) {
                throw new IllegalStateException(BASE + " is missing from the gateway");
            }
            OpenAPI base = OpenApiDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            base.setServers(List.of(OASFactory.createServer()
                    .url(config.publicUrl().toString())
                    .description("The Parley gateway")));
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OpenAPI fetch(String name, GatewayConfig.Downstream downstream) {
        URI uri = downstream.url().resolve("/q/openapi?format=json");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(downstream.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw unavailable(name, "it answered " + response.statusCode());
            }
            return OpenApiDocuments.parse(response.body());
        } catch (IOException e) {
            throw unavailable(name, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(name, "interrupted");
        }
    }

    private static ApiException unavailable(String name, String why) {
        return new ApiException(503, "service-unavailable", "Service unavailable",
                "The API description of " + name + " could not be read (" + why + "); try again shortly");
    }
}
