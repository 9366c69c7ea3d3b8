package org.parley.negotiation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.Context;
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
import org.parley.negotiation.mapping.MeetingMapper;
import org.parley.negotiation.model.Meeting;
import org.parley.negotiation.service.MeetingService;

import java.util.UUID;

import static org.parley.negotiation.rest.OpenApiText.IF_MATCH;

@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings", description = "Where and when envoys meet, and what they discussed")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class MeetingResource {

    private static final String EXAMPLE = """
            {"negotiationId": "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d",
             "title": "Witkoff and Kushner meet Putin in the Kremlin",
             "startsAt": "2025-12-02T16:00:00Z", "duration": "PT5H",
             "location": {"city": "Moscow", "country": "Russia", "venue": "The Kremlin"},
             "format": "in_person", "status": "held",
             "outcomeSummary": "No compromise yet on territory; talks to continue",
             "participantEnvoyIds": ["3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"],
             "partyIds": ["6f1c1e8e-3b0a-4f5e-9a53-0d5c2b7e9a01"],
             "sources": [{"publication": "Reuters", "url": "https://www.reuters.com/world/europe/example", "publishedOn": "2025-12-03",
                          "attribution": "Yuri Ushakov, Kremlin aide"}]}""";

    @Inject
    MeetingService meetings;

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "scheduleMeeting", summary = "Schedule a meeting, or record one that was held")
    @APIResponse(responseCode = "201", headers = @Header(name = "ETag", ref = "ETag"), description = "Created; Location and ETag set", content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "422", description = "Unknown negotiation, party, envoy, proposal or clause; or no source")
    public Response schedule(@RequestBody(content = @Content(examples = @ExampleObject(name = "kremlin", value = EXAMPLE))) @NotNull @Valid MeetingInput input,
                             @Context UriInfo uri) {
        Meeting m = meetings.schedule(MeetingMapper.toCommand(input));
        return Responses.created(uri.getAbsolutePathBuilder().path(m.id.toString()).build(), m.version, MeetingMapper.toView(m));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getMeeting", summary = "Read a meeting")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "The meeting, with its ETag", content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting")
    public Response get(@PathParam("id") UUID id) {
        Meeting m = meetings.get(id);
        return Responses.ok(m.version, MeetingMapper.toView(m));
    }

    @PUT
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}")
    @Operation(operationId = "updateMeeting", summary = "Replace a meeting's details (a status change must be a valid transition)")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "Updated (or unchanged); new ETag", content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "Invalid status transition, or another negotiation")
    @APIResponse(responseCode = "422", description = "Unknown reference or no source")
    public Response update(@PathParam("id") UUID id, @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                           @RequestBody(content = @Content(examples = @ExampleObject(name = "kremlin", value = EXAMPLE))) @NotNull @Valid MeetingInput input) {
        Meeting m = meetings.update(id, ifMatch, MeetingMapper.toCommand(input));
        return Responses.ok(m.version, MeetingMapper.toView(m));
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Path("/{id}/status")
    @Operation(operationId = "changeMeetingStatus", summary = "Mark a meeting held, cancelled, postponed, or scheduled again")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag", ref = "ETag"), description = "Changed (or unchanged); new ETag", content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status; the detail names the allowed ones")
    public Response changeStatus(@PathParam("id") UUID id, @Parameter(description = IF_MATCH, required = true) @HeaderParam("If-Match") String ifMatch,
                                 @RequestBody(content = @Content(examples = @ExampleObject(name = "held", value = "{\"status\": \"held\", \"note\": \"Lasted five hours\"}")))
                                 @NotNull @Valid MeetingStatusChange change) {
        Meeting m = meetings.changeStatus(id, ifMatch, MeetingMapper.toCommand(change));
        return Responses.ok(m.version, MeetingMapper.toView(m));
    }

    @GET
    @Operation(operationId = "listMeetings", summary = "List meetings by negotiation, party, envoy, date range, status and updated_since")
    @APIResponse(responseCode = "200", description = "One page")
    public Page<MeetingView> list(
            @Valid @BeanParam MeetingListFilter filter,
            @Parameter(description = "startsAt, createdAt or updatedAt; prefix - for descending" + Pager.OR_CHANGES) @QueryParam("sort") @DefaultValue("startsAt")
            @Pattern(regexp = "-?(startsAt|createdAt|updatedAt)|changes", message = "must be startsAt, createdAt or updatedAt, with a leading - for descending order, or changes")
            String sort,
            @Valid @BeanParam Paging paging) {
        return meetings.list(filter.filter(), sort, paging.request()).map(MeetingMapper::toView);
    }
}
