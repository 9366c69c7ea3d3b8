package org.parley.negotiation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.api.Pager;
import org.parley.api.Paging;
import org.parley.api.Preconditions;
import org.parley.api.Roles;
import org.parley.events.alert.AlertSeverity;
import org.parley.negotiation.mapping.AlertMapper;
import org.parley.negotiation.model.Alert;
import org.parley.negotiation.repository.AlertRepository;
import org.parley.negotiation.service.AlertRules;
import org.parley.negotiation.service.AlertService;

import java.util.UUID;
import java.util.stream.Collectors;


/** The alert history. Alerts are raised by the service itself, so there is nothing to create or change here. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts", description = "What a policy desk wants to be told: rejections, consensus, proposal and meeting changes, envoys, civilian casualties")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class AlertResource {

    @Inject
    AlertService alerts;

    @GET
    @Operation(operationId = "listAlerts", summary = "List alerts by negotiation, party, minimum severity, rule and time, newest first")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Invalid filter, sort or paging")
    public Page<AlertView> list(
            @Parameter(description = "Negotiation id") @QueryParam("negotiation") String negotiation,
            @Parameter(description = "Party id (alerts about that party)") @QueryParam("party") String party,
            @Parameter(description = "Minimum severity (warning gives warning and critical)", schema = @Schema(implementation = AlertSeverity.class)) @QueryParam("severity") String severity,
            @Parameter(description = "Rule name, e.g. position_rejected; see docs/alerts.md") @QueryParam("rule") String rule,
            @Parameter(description = "Alerts about changes that happened at or after this instant (or date)") @QueryParam("since") String since,
            @Parameter(description = "Only alerts raised at or after this instant (ISO-8601 UTC timestamp, or a date meaning its start); alerts never change") @QueryParam("updated_since") String updatedSince,
            @Parameter(description = "occurredAt, raisedAt or severity; prefix - for descending" + Pager.OR_CHANGES) @QueryParam("sort") @DefaultValue("-occurredAt") String sort,
            @Valid @BeanParam Paging paging) {
        Short minimum = null;
        if (severity != null && !severity.isBlank()) {
            minimum = AlertSeverity.ofWireName(severity.strip())
                    .map(s -> (short) s.ordinal())
                    .orElseThrow(() -> ApiException.badRequest("Query parameter 'severity' has an invalid value '" + severity
                            + "'; allowed: " + AlertSeverity.allowed()));
        }
        String ruleName = rule == null || rule.isBlank() ? null : rule.strip();
        if (ruleName != null && AlertRules.rule(ruleName).isEmpty()) {
            throw ApiException.badRequest("Query parameter 'rule' has an invalid value '" + rule + "'; allowed: "
                    + AlertRules.RULES.stream().map(AlertRules.Rule::name).collect(Collectors.joining(", ")));
        }
        AlertRepository.Filter filter = new AlertRepository.Filter(Params.uuid("negotiation", negotiation), Params.uuid("party", party),
                minimum, ruleName, Params.instant("since", since), Params.instant("updated_since", updatedSince));
        return alerts.list(filter, sort, paging.request()).map(AlertMapper::toView);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAlert", summary = "Read an alert")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "The alert, with its ETag", content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "No such alert")
    public Response get(@PathParam("id") UUID id) {
        Alert alert = alerts.get(id);
        return Response.ok(AlertMapper.toView(alert)).tag(Preconditions.etag(alert.version)).build();
    }
}
