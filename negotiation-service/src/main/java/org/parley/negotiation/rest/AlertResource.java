package org.parley.negotiation.rest;

import jakarta.validation.constraints.Pattern;
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
import org.parley.api.Page;
import org.parley.api.Pager;
import org.parley.api.Paging;
import org.parley.api.Responses;
import org.parley.api.Roles;
import org.parley.negotiation.mapping.AlertMapper;
import org.parley.negotiation.model.Alert;
import org.parley.negotiation.service.AlertService;

import java.util.UUID;


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
    public Page<AlertView> list(
            @Valid @BeanParam AlertListFilter filter,
            @Parameter(description = "occurredAt, raisedAt or severity; prefix - for descending" + Pager.OR_CHANGES) @Pattern(regexp = "-?(occurredAt|raisedAt|severity)|changes", message = "must be occurredAt, raisedAt or severity, with a leading - for descending order, or changes") @QueryParam("sort") @DefaultValue("-occurredAt") String sort,
            @Valid @BeanParam Paging paging) {
        return alerts.list(filter.filter(), sort, paging.request()).map(AlertMapper::toView);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAlert", summary = "Read an alert")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "The alert, with its ETag", content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "No such alert")
    public Response get(@PathParam("id") UUID id) {
        Alert alert = alerts.get(id);
        return Responses.ok(alert.version, AlertMapper.toView(alert));
    }
}
