package org.parley.negotiation.rest;

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
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.api.Paging;
import org.parley.api.Roles;
import org.parley.negotiation.mapping.TimelineMapper;
import org.parley.negotiation.repository.TimelineRepository;
import org.parley.negotiation.service.TimelineService;
import org.parley.negotiation.service.Vocabulary;

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

    @Inject
    TimelineService service;

    @GET
    @Operation(operationId = "getNegotiationTimeline", summary = "A negotiation's meetings, proposals, position changes, statements and incidents in time order",
            description = "Oldest first by default. Entries whose date was not reported come last in either order, and say so. "
                    + "A day-precision entry (a statement or incident) sorts at the start of its day. Proposals are placed when they were recorded in Parley (precision: recorded).")
    @APIResponse(responseCode = "200", description = "One page of the timeline")
    @APIResponse(responseCode = "400", description = "A bad kind, order or paging value")
    @APIResponse(responseCode = "404", description = "No such negotiation")
    public Page<TimelineEntry> timeline(
            @PathParam("id") UUID id,
            @Parameter(description = "asc (oldest first, the default) or desc", schema = @Schema(type = SchemaType.STRING, enumeration = {"asc", "desc"}, defaultValue = "asc")) @QueryParam("order") String order,
            @Parameter(description = "Only these kinds (repeat the parameter, or separate with commas)", schema = @Schema(type = SchemaType.ARRAY, implementation = TimelineEntry.Kind.class))
            @QueryParam("kind") List<String> kinds,
            @Valid @BeanParam Paging paging) {
        Set<TimelineRepository.Kind> wanted = Vocabulary.parseAll(TimelineEntry.Kind.class, "kind", kinds).stream()
                .map(kind -> TimelineRepository.Kind.valueOf(kind.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TimelineRepository.Kind.class)));
        return service.timeline(id, wanted, descending(order), paging.request()).map(TimelineMapper::toView);
    }

    private static boolean descending(String order) {
        if (order == null || order.isBlank() || order.strip().equalsIgnoreCase("asc")) {
            return false;
        }
        if (order.strip().equalsIgnoreCase("desc")) {
            return true;
        }
        throw ApiException.badRequest("Query parameter 'order' has an invalid value '" + order + "'; allowed: asc, desc");
    }
}
