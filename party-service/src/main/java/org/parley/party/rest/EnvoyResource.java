package org.parley.party.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.api.Page;
import org.parley.api.Paging;
import org.parley.api.Responses;
import org.parley.api.Roles;
import org.parley.party.model.Envoy;
import org.parley.party.mapping.EnvoyMapper;
import org.parley.party.service.EnvoyService;

import java.util.UUID;

@Path("/api/v1/envoys")
@Tag(name = "Envoys", description = "The people who act or speak for parties, and their mandates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class EnvoyResource {

    static final String EXAMPLE = """
            {"fullName": "Steven Witkoff", "aliases": ["Steve Witkoff"], "title": "U.S. Special Envoy for Peace Missions",
             "partyId": "3f0c6a8e-2b1d-4c59-9a4e-7d1f0b6c2e11", "role": "special_envoy", "mandateFrom": "2025-01-20"}""";
    static final String MANDATE_END_EXAMPLE = """
            {"endedOn": "2025-12-05", "reason": "Replaced as chief negotiator"}""";

    @Inject
    EnvoyService service;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createEnvoy", summary = "Appoint an envoy",
            description = "Records an envoy of an existing party and emits org.parley.envoy.appointed.v1 on parley.parties.v1. "
                    + "A mandateTo before mandateFrom is a 400 that names mandateTo.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnvoyInput.class),
            examples = @ExampleObject(name = "witkoff", summary = "A special envoy", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Appointed",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnvoyView.class)))
    @APIResponse(responseCode = "422", description = "partyId names no party")
    public Response create(@Valid @NotNull EnvoyInput body, @Context UriInfo uriInfo) {
        Envoy envoy = service.appoint(EnvoyMapper.toCommand(body));
        return Responses.created(uriInfo.getAbsolutePathBuilder().path(envoy.id.toString()).build(), envoy.version, EnvoyMapper.toView(envoy));
    }

    @GET
    @Operation(operationId = "listEnvoys", summary = "List envoys",
            description = "Envoys matching every filter given, one page at a time (at most 200 per page).")
    @APIResponse(responseCode = "200", description = "One page of envoys")
    public Page<EnvoyView> list(@Valid @BeanParam EnvoyListFilter filter, @Valid @BeanParam Paging paging) {
        return service.list(filter.party, filter.filter(), paging.request()).map(EnvoyMapper::toView);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEnvoy", summary = "Get an envoy")
    @APIResponse(responseCode = "200", description = "The envoy",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnvoyView.class)))
    @APIResponse(responseCode = "404", description = "No envoy has this id")
    public Response get(@Parameter(description = "Envoy id") @PathParam("id") UUID id) {
        Envoy envoy = service.get(id);
        return Responses.ok(envoy.version, EnvoyMapper.toView(envoy));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateEnvoy", summary = "Replace an envoy",
            description = "Replaces every field of the envoy. Send the ETag you read in If-Match. Emits org.parley.envoy.updated.v1 "
                    + "when something changed; a PUT that changes nothing keeps the version and emits nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnvoyInput.class),
            examples = @ExampleObject(name = "witkoff", summary = "A special envoy", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The envoy as changed",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnvoyView.class)))
    @APIResponse(responseCode = "404", description = "No envoy has this id")
    @APIResponse(responseCode = "422", description = "partyId names no party")
    public Response update(@Parameter(description = "Envoy id") @PathParam("id") UUID id,
                           @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = OpenApiText.IF_MATCH, example = "\"0\"")
                           @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull EnvoyInput body) {
        Envoy envoy = service.change(id, ifMatch, EnvoyMapper.toCommand(body));
        return Responses.ok(envoy.version, EnvoyMapper.toView(envoy));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}/mandate-end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "endEnvoyMandate", summary = "End an envoy's mandate",
            description = "Sets the last day of the mandate and why it ended, and emits org.parley.envoy.mandate-ended.v1. "
                    + "A mandate with a later planned end is ended early; one that already ends on or before endedOn gets 409, "
                    + "and an endedOn before the mandate's start is a 400 that names endedOn. Send the ETag you read in If-Match.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MandateEndInput.class),
            examples = @ExampleObject(name = "replaced", summary = "Replaced by someone else", value = MANDATE_END_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The envoy with the mandate ended",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnvoyView.class)))
    @APIResponse(responseCode = "404", description = "No envoy has this id")
    @APIResponse(responseCode = "409", description = "The mandate already ends on or before endedOn")
    public Response endMandate(@Parameter(description = "Envoy id") @PathParam("id") UUID id,
                               @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = OpenApiText.IF_MATCH, example = "\"0\"")
                               @HeaderParam("If-Match") String ifMatch,
                               @Valid @NotNull MandateEndInput body) {
        Envoy envoy = service.endMandate(id, ifMatch, EnvoyMapper.toCommand(body));
        return Responses.ok(envoy.version, EnvoyMapper.toView(envoy));
    }
}
