package org.parley.negotiation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.api.Page;
import org.parley.api.Pager;
import org.parley.api.Paging;
import org.parley.api.Responses;
import org.parley.api.Roles;
import org.parley.negotiation.mapping.IncidentMapper;
import org.parley.negotiation.model.Incident;
import org.parley.negotiation.service.IncidentService;

import java.util.UUID;

@Path("/api/v1/incidents")
@Tag(name = "Incidents", description = "Events on the ground that frame the talks, as reported, each with its sources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class IncidentResource {

    static final String EXAMPLE = """
            {
              "negotiationId": "3f1c6a52-8a0e-4d4b-9a51-0c6d2b7f8e11",
              "datePrecision": "weekday_as_reported",
              "dateAsReported": "Thursday",
              "place": {"city": "Kryvyi Rih", "country": "Ukraine"},
              "kind": "missile_strike",
              "attributedToPartyId": "6c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
              "attributedBy": "local officials",
              "casualties": {"injured": 6, "childrenInjured": 1, "notes": ["a three-year-old girl"]},
              "damage": [
                {"what": "residential buildings", "count": 40, "qualifier": "over"},
                {"what": "school", "count": 1},
                {"what": "gas pipelines"}
              ],
              "sources": [{"publication": "Associated Press", "publishedOn": "2024-03-15", "attribution": "local officials"}]
            }""";

    @Inject
    IncidentService service;

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createIncident", summary = "Record an incident",
            description = "Counts that were not reported stay null (not 0). The attributed party must be known from party-service's events. At least one source is required.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentInput.class), examples = @ExampleObject(name = "kryvyi-rih", value = EXAMPLE)))
    @APIResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"), description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "422", description = "No source (source-required), or an unknown negotiation or party")
    public Response create(@Valid @NotNull IncidentInput body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Incident created = service.record(IncidentMapper.toCommand(body));
        return Responses.created(uri.getBaseUriBuilder().path("api/v1/incidents").path(created.id.toString()).build(), created.version,
                IncidentMapper.toView(created));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getIncident", summary = "Get an incident")
    @APIResponse(responseCode = "200", description = "The incident", headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "404", description = "No such incident")
    public Response get(@PathParam("id") UUID id) {
        Incident incident = service.get(id);
        return Responses.ok(incident.version, IncidentMapper.toView(incident));
    }

    @GET
    @Operation(operationId = "listIncidents", summary = "List incidents",
            description = "Filter by negotiation, attributed party, kind, region or city (case-insensitive, exact), the day it happened (from/to, inclusive: undated incidents are left out when a date bound is given) and updated_since. Sorted by occurredOn by default, undated last.")
    @APIResponse(responseCode = "200", description = "One page of incidents")
    public Page<IncidentView> list(
            @Valid @BeanParam IncidentListFilter filter,
            @Parameter(description = "occurredOn (default), createdAt or updatedAt; a leading '-' sorts descending" + Pager.OR_CHANGES) @QueryParam("sort")
            @Pattern(regexp = "-?(occurredOn|createdAt|updatedAt)|changes", message = "must be occurredOn, createdAt or updatedAt, with a leading - for descending order, or changes")
            String sort,
            @Valid @BeanParam Paging paging) {
        return service.list(filter.filter(sort), paging.request()).map(IncidentMapper::toView);
    }
}
