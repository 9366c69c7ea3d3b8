package org.parley.gateway.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.parley.api.Roles;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.parley.events.alert.AlertSeverity;

import java.util.Arrays;
import java.util.List;

/**
 * Describes {@code GET /api/v1/alerts/stream} in the gateway's own OpenAPI document, which the merged
 * document includes. The stream is a Vert.x route rather than a JAX-RS method (see {@link AlertStreamRoute}),
 * so no annotation scan finds it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AlertStreamOpenApi implements OASFilter {

    private static final String PROBLEM = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        openAPI.getPaths().addPathItem(AlertStreamRoute.PATH, OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId("streamAlerts")
                // Checked by security.ApiGuard, as for every path under /api/v1.
                .addSecurityRequirement(OASFactory.createSecurityRequirement()
                        .addScheme("bearer", List.of(Roles.VIEWER, Roles.ANALYST, Roles.ADMIN)))
                .addTag("Alerts")
                .summary("Follow alerts live, as Server-Sent Events")
                .description("""
                        A text/event-stream of alerts as they are raised. Each alert is an event named `alert` whose \
                        `data` is the alert's JSON (as published to parley.alerts.v1) and whose `id` is its position in \
                        that topic. Reconnect with that id in `Last-Event-ID` (browsers' EventSource does it by itself) \
                        to get what was missed, once, if it is still kept (the last 24 hours, at most 10 000 alerts); \
                        a comment says so when some of it is no longer kept. A `: keep-alive` comment comes every 15 s. \
                        A client that does not read as fast as alerts come is disconnected and can resume. See docs/alerts.md.""")
                .parameters(List.of(
                        query("negotiation", "Only alerts of this negotiation", uuid()),
                        query("party", "Only alerts about this party", uuid()),
                        query("severity", "Minimum severity: warning gives warning and critical", severities()),
                        OASFactory.createParameter().name("Last-Event-ID").in(Parameter.In.HEADER)
                                .description("The id of the last event received, to resume after it")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("0:15,1:7,2:9")))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("The stream; it stays open")
                                .content(OASFactory.createContent().addMediaType("text/event-stream", OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                                .examples(List.of("id: 0:15,1:7,2:9\nevent: alert\ndata: {\"alertId\":\"...\",\"severity\":\"warning\",...}\n\n"))))))
                        .addAPIResponse("400", problem("Invalid filter or Last-Event-ID"))
                        .addAPIResponse("401", problem("No access token, or one that is expired, not from the trusted issuer or for another audience"))
                        .addAPIResponse("403", problem("The token has none of the roles this operation needs (its security requirement lists them)"))
                        .addAPIResponse("503", problem("The stream is switched off on this gateway")))));
    }

    private static Parameter query(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description).schema(schema);
    }

    private static Schema uuid() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid");
    }

    private static Schema severities() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                .enumeration(Arrays.stream(AlertSeverity.values()).map(s -> (Object) s.wireName()).toList());
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
