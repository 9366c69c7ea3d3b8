package org.parley.negotiation.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.parley.api.OneOf;
import org.parley.api.Page;
import org.parley.api.Paging;
import org.parley.api.QueryValues;
import org.parley.api.Roles;
import org.parley.negotiation.mapping.TimelineMapper;
import org.parley.negotiation.repository.TimelineRepository;
import org.parley.negotiation.service.TimelineService;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/v1/negotiations/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline", description = "Everything that happened in a negotiation, in time order")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
public class TimelineResource {

    /** Which way the timeline runs. */
    public enum Order {
        @JsonProperty("asc") ASC,
        @JsonProperty("desc") DESC
    }

    @Inject
    TimelineService service;

    @GET
    @Operation(operationId = "getNegotiationTimeline", summary = "A negotiation's meetings, proposals, position changes, statements and incidents in time order",
            description = "Oldest first by default. Entries whose date was not reported come last in either order, and say so. "
                    + "A day-precision entry (a statement or incident) sorts at the start of its day. Proposals are placed when they were recorded in Parley (precision: recorded).")
    @APIResponse(responseCode = "200", description = "One page of the timeline")
    @APIResponse(responseCode = "404", description = "No such negotiation")
    public Page<TimelineEntry> timeline(
            @PathParam("id") UUID id,
            @Parameter(description = "asc (oldest first, the default) or desc", schema = @Schema(type = SchemaType.STRING, enumeration = {"asc", "desc"}, defaultValue = "asc"))
            @QueryParam("order") @OneOf(Order.class) String order,
            @Parameter(description = "Only these kinds (repeat the parameter, or separate with commas)", schema = @Schema(type = SchemaType.ARRAY, implementation = TimelineEntry.Kind.class))
            @QueryParam("kind") @OneOf(TimelineEntry.Kind.class) List<String> kind,
            @Valid @BeanParam Paging paging) {
        Set<TimelineRepository.Kind> kinds = QueryValues.terms(TimelineEntry.Kind.class, kind).stream()
                .map(wanted -> TimelineRepository.Kind.valueOf(wanted.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TimelineRepository.Kind.class)));
        boolean descending = QueryValues.term(Order.class, order) == Order.DESC;
        return service.timeline(id, kinds, descending, paging.request()).map(TimelineMapper::toView);
    }
}
