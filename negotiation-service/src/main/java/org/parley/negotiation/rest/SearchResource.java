package org.parley.negotiation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.parley.negotiation.mapping.SearchMapper;
import org.parley.negotiation.repository.SearchRepository;
import org.parley.negotiation.service.SearchService;
import org.parley.negotiation.service.Vocabulary;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@Path("/api/v1/search")
@RolesAllowed({Roles.VIEWER, Roles.ANALYST, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Text search over statements, clauses and incidents")
public class SearchResource {

    @Inject
    SearchService service;

    @GET
    @Operation(operationId = "searchText", summary = "Find statements, clauses and incidents by their text, best match first",
            description = "Case- and accent-insensitive, and approximate: a passage spelled a little differently from the query "
                    + "still matches (\"Kryvyi Rig\" finds \"Kryvyi Rih\"). Searches quotes and their context, clause labels, "
                    + "headings and text, and incident descriptions, weapons, places and consequences.")
    @APIResponse(responseCode = "200", description = "One page of hits, best first")
    @APIResponse(responseCode = "400", description = "q is missing or too long, or a bad kind, negotiation or paging value")
    public Page<SearchHit> search(
            @Parameter(description = "The words to find", required = true, example = "necessary conversation") @QueryParam("q") String q,
            @Parameter(description = "Only these kinds (repeat the parameter, or separate with commas)", schema = @Schema(type = SchemaType.ARRAY, implementation = SearchHit.Kind.class))
            @QueryParam("kind") List<String> kinds,
            @Parameter(description = "Negotiation id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("negotiation") String negotiation,
            @Valid @BeanParam Paging paging) {
        String query = TimelineParams.text("q", q);
        if (query == null) {
            throw ApiException.badRequest("Query parameter 'q' is required: the words to find");
        }
        return service.search(query, kinds(Vocabulary.parseAll(SearchHit.Kind.class, "kind", kinds)), Params.uuid("negotiation", negotiation), paging.request())
                .map(SearchMapper::toView);
    }

    private static Set<SearchRepository.Kind> kinds(Set<SearchHit.Kind> kinds) {
        return kinds.stream().map(kind -> SearchRepository.Kind.valueOf(kind.name()))
                .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(SearchRepository.Kind.class)));
    }
}
