package org.parley.party.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.parley.party.model.Party;
import org.parley.party.mapping.PartyMapper;
import org.parley.party.service.PartyService;

import java.util.UUID;

@Path("/api/v1/parties")
@Tag(name = "Parties", description = "States, blocs, international organisations and non-state actors")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class PartyResource {

    static final String EXAMPLE = """
            {"slug": "ua", "name": "Ukraine", "kind": "state", "isoCode": "UA", "conflictRole": "belligerent"}""";

    @Inject
    PartyService service;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createParty", summary = "Register a party",
            description = "Registers a party and emits org.parley.party.registered.v1 on parley.parties.v1.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartyInput.class),
            examples = @ExampleObject(name = "ukraine", summary = "A state at war", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartyView.class)))
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@Valid @NotNull PartyInput body, @Context UriInfo uriInfo) {
        Party party = service.register(PartyMapper.toCommand(body));
        return Responses.created(uriInfo.getAbsolutePathBuilder().path(party.id.toString()).build(), party.version, PartyMapper.toView(party));
    }

    @GET
    @Operation(operationId = "listParties", summary = "List parties",
            description = "Parties matching every filter given, one page at a time (at most 200 per page).")
    @APIResponse(responseCode = "200", description = "One page of parties")
    public Page<PartyView> list(@Valid @BeanParam PartyListFilter filter, @Valid @BeanParam Paging paging) {
        return service.list(filter.filter(), paging.request()).map(PartyMapper::toView);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getParty", summary = "Get a party")
    @APIResponse(responseCode = "200", description = "The party",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartyView.class)))
    @APIResponse(responseCode = "404", description = "No party has this id")
    public Response get(@Parameter(description = "Party id") @PathParam("id") UUID id) {
        Party party = service.get(id);
        return Responses.ok(party.version, PartyMapper.toView(party));
    }

    @GET
    @Path("/by-slug/{slug}")
    @Operation(operationId = "getPartyBySlug", summary = "Get a party by its slug")
    @APIResponse(responseCode = "200", description = "The party",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartyView.class)))
    @APIResponse(responseCode = "404", description = "No party has this slug")
    public Response getBySlug(@Parameter(description = "Party slug", example = "ua") @PathParam("slug") String slug) {
        Party party = service.getBySlug(slug);
        return Responses.ok(party.version, PartyMapper.toView(party));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateParty", summary = "Replace a party",
            description = "Replaces every field of the party. Send the ETag you read in If-Match. Emits org.parley.party.updated.v1 "
                    + "when something changed; a PUT that changes nothing keeps the version and emits nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartyInput.class),
            examples = @ExampleObject(name = "ukraine", summary = "A state at war", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The party as changed",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartyView.class)))
    @APIResponse(responseCode = "404", description = "No party has this id")
    @APIResponse(responseCode = "409", description = "The slug is taken by another party")
    public Response update(@Parameter(description = "Party id") @PathParam("id") UUID id,
                           @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = OpenApiText.IF_MATCH, example = "\"0\"")
                           @HeaderParam("If-Match") String ifMatch,
                           @Valid @NotNull PartyInput body) {
        Party party = service.change(id, ifMatch, PartyMapper.toCommand(body));
        return Responses.ok(party.version, PartyMapper.toView(party));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/{id}")
    @Operation(operationId = "deleteParty", summary = "Remove a party",
            description = "Removes a party no envoy refers to, and emits org.parley.party.removed.v1. If-Match is optional here; "
                    + "when sent, a stale one gets 412.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No party has this id")
    @APIResponse(responseCode = "409", description = "Envoys refer to the party; the problem names them")
    @APIResponse(responseCode = "412", description = "If-Match was sent and is stale")
    public Response delete(@Parameter(description = "Party id") @PathParam("id") UUID id,
                           @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "The ETag of the version you mean to remove (optional)", example = "\"0\"")
                           @HeaderParam("If-Match") String ifMatch) {
        service.remove(id, ifMatch);
        return Response.noContent().build();
    }
}
