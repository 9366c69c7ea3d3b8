package org.parley.negotiation.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.parley.negotiation.mapping.NegotiationMapper;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.service.NegotiationService;

import java.util.UUID;

import static org.parley.negotiation.rest.OpenApiText.IF_MATCH;

@Path("/api/v1/negotiations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Negotiations", description = "Negotiation processes and the parties taking part")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class NegotiationResource {

    private static final String EXAMPLE = """
            {"title": "Russia–Ukraine peace talks (U.S.-mediated)", "status": "active", "startedOn": "2025-11-19",
             "parties": [{"partyId": "6f1c1e8e-3b0a-4f5e-9a53-0d5c2b7e9a01", "role": "principal"},
                         {"partyId": "0b6a4c1d-51f4-4c1a-8c8e-2f8d9e3a7b02", "role": "principal"},
                         {"partyId": "9d2e7f3a-6c4b-4e8d-b1a2-3c4d5e6f7a03", "role": "mediator"}]}""";

    @Inject
    NegotiationService negotiations;

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "createNegotiation", summary = "Start tracking a negotiation")
    @APIResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"), description = "Created; Location and ETag set", content = @Content(schema = @Schema(implementation = NegotiationView.class)))
    @APIResponse(responseCode = "422", description = "A party is unknown")
    public Response create(@RequestBody(content = @Content(examples = @ExampleObject(name = "talks", value = EXAMPLE))) @NotNull @Valid NegotiationInput input,
                           @jakarta.ws.rs.core.Context UriInfo uri) {
        Negotiation n = negotiations.start(NegotiationMapper.toCommand(input));
        return Responses.created(uri.getAbsolutePathBuilder().path(n.id.toString()).build(), n.version, NegotiationMapper.toView(n));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getNegotiation", summary = "Read a negotiation")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "The negotiation, with its ETag", content = @Content(schema = @Schema(implementation = NegotiationView.class)))
    @APIResponse(responseCode = "404", description = "No such negotiation")
    public Response get(@PathParam("id") UUID id) {
        Negotiation n = negotiations.get(id);
        return Responses.ok(n.version, NegotiationMapper.toView(n));
    }

    @PUT
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateNegotiation", summary = "Replace a negotiation's title, status, dates and parties")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "Updated (or unchanged); new ETag", content = @Content(schema = @Schema(implementation = NegotiationView.class)))
    @APIResponse(responseCode = "404", description = "No such negotiation")
    @APIResponse(responseCode = "422", description = "A party is unknown")
    public Response update(@PathParam("id") UUID id, @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "talks", value = EXAMPLE))) @NotNull @Valid NegotiationInput input) {
        Negotiation n = negotiations.update(id, ifMatch, NegotiationMapper.toCommand(input));
        return Responses.ok(n.version, NegotiationMapper.toView(n));
    }

    @GET
    @Operation(operationId = "listNegotiations", summary = "List negotiations, filtered by status, party and updated_since")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<NegotiationView> list(
            @Valid @BeanParam NegotiationListFilter filter,
            @Parameter(description = "title, startedOn, createdAt or updatedAt; prefix - for descending" + Pager.OR_CHANGES) @Pattern(regexp = "-?(title|startedOn|createdAt|updatedAt)|changes", message = "must be title, startedOn, createdAt or updatedAt, with a leading - for descending order, or changes") @QueryParam("sort") @DefaultValue("-updatedAt") String sort,
            @Valid @BeanParam Paging paging) {
        return negotiations.list(filter.status(), filter.party(), filter.updatedSince(), sort, paging.request()).map(NegotiationMapper::toView);
    }
}
