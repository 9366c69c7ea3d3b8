package org.parley.gateway.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.parley.gateway.security.AccessRules;

import java.util.List;

/**
 * Describes {@code GET /api/v1/alerts/stream} in the gateway's own OpenAPI document, which the merged
 * document includes. The stream is a Vert.x route rather than a JAX-RS method (see {@link AlertStreamRoute}),
 * so no annotation scan finds it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AlertStreamOpenApi implements OASFilter {

    private static final String PROBLEM = "application/problem+json";
    static final String EVENT = "AlertStreamEvent";
    static final String ALERT = "AlertStreamAlertData";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        declareEventSchemas(openAPI);
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        openAPI.getPaths().addPathItem(AlertStreamRoute.PATH, OASFactory.createPathItem().GET(OASFactory.createOperation()
                .operationId("streamAlerts")
                // Checked by security.ApiGuard, as for every path under /api/v1: the roles are the ones it demands.
                .addSecurityRequirement(OASFactory.createSecurityRequirement()
                        .addScheme("bearer", AccessRules.allowed("GET", AlertStreamRoute.PATH)))
                .addTag("Alerts")
                .summary("Follow alerts live, as Server-Sent Events")
                // A call that never returns is no method for a generated client: SDK generators skip x-internal
                // operations, and a client reads the stream with an SSE library (docs/alerts.md).
                .addExtension("x-internal", true)
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
                        query("severity", "Minimum severity: warning gives warning and critical", ref("AlertSeverity")),
                        OASFactory.createParameter().name("Last-Event-ID").in(Parameter.In.HEADER)
                                .description("The id of the last event received, to resume after it")
                                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("0:15,1:7,2:9")))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("The stream; it stays open")
                                .content(OASFactory.createContent().addMediaType("text/event-stream", OASFactory.createMediaType()
                                        .schema(ref(EVENT)))))
                        .addAPIResponse("400", problem("Invalid filter or Last-Event-ID"))
                        .addAPIResponse("401", problem("No access token, or one that is expired, not from the trusted issuer or for another audience"))
                        .addAPIResponse("403", problem("The token has none of the roles this operation needs (its security requirement lists them)"))
                        .addAPIResponse("503", problem("The stream is switched off on this gateway")))));
    }

    /** The schema of one event of the stream, and of the alert its data carries. */
    private static void declareEventSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema uuid = uuid();
        openAPI.getComponents().addSchema(EVENT, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("""
                        One Server-Sent Event of the alert stream, as its fields (the stream itself is text/event-stream, \
                        e.g. `id: 0:15,1:7,2:9` / `event: alert` / `data: {...}` and a blank line). Comments (lines starting \
                        with a colon) are keep-alives or say that some alerts are no longer kept.""")
                .addProperty("id", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Its position in parley.alerts.v1; send it back in Last-Event-ID to resume after it")
                        .examples(List.of("0:15,1:7,2:9")))
                .addProperty("event", OASFactory.createSchema().addType(Schema.SchemaType.STRING).constValue("alert"))
                .addProperty("data", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The alert as JSON, exactly as published to parley.alerts.v1")
                        .contentMediaType("application/json").contentSchema(ref(ALERT)))
                .required(List.of("id", "event", "data")));
        openAPI.getComponents().addSchema(ALERT, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An alert as published to parley.alerts.v1 (org.parley.alert.raised.v1; see docs/events.md)")
                .addProperty("alertId", uuid)
                .addProperty("negotiationId", uuid)
                .addProperty("rule", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The rule that fired; docs/alerts.md lists them").examples(List.of("position_rejected")))
                .addProperty("severity", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("One of AlertSeverity; a newer producer may send one this document does not list yet"))
                .addProperty("summary", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("partyIds", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(uuid()))
                .addProperty("causeEventIds", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .addProperty("occurredAt", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date-time"))
                .required(List.of("alertId", "negotiationId", "rule", "severity", "summary", "partyIds", "causeEventIds", "occurredAt")));
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    private static Parameter query(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).description(description).schema(schema);
    }

    private static Schema uuid() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid");
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
