package org.parley.negotiation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import org.parley.api.OneOf;
import org.parley.api.Page;
import org.parley.api.Paging;
import org.parley.api.QueryValues;
import org.parley.api.Roles;
import org.parley.api.SearchText;
import org.parley.api.Uuid;
import org.parley.negotiation.mapping.SearchMapper;
import org.parley.negotiation.repository.SearchRepository;
import org.parley.negotiation.service.SearchService;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
    public Page<SearchHit> search(
            @Parameter(description = "The words to find", required = true, example = "necessary conversation")
            @QueryParam("q") @NotBlank(message = "is required: the words to find") @SearchText String q,
            @Parameter(description = "Only these kinds (repeat the parameter, or separate with commas)", schema = @Schema(type = SchemaType.ARRAY, implementation = SearchHit.Kind.class))
            @QueryParam("kind") @OneOf(SearchHit.Kind.class) List<String> kind,
            @Parameter(description = "Negotiation id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("negotiation") @Uuid String negotiation,
            @Valid @BeanParam Paging paging) {
        Set<SearchRepository.Kind> kinds = QueryValues.terms(SearchHit.Kind.class, kind).stream()
                .map(wanted -> SearchRepository.Kind.valueOf(wanted.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SearchRepository.Kind.class)));
        return service.search(QueryValues.text(q), kinds, QueryValues.uuid(negotiation), paging.request()).map(SearchMapper::toView);
    }
}
