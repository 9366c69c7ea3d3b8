package org.parley.negotiation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.parley.api.Preconditions;
import org.parley.negotiation.mapping.PositionMapper;
import org.parley.negotiation.service.PositionService;

/** A first stance is a creation (201 + Location); later ones, including no-ops, are 200. */
final class PositionResponses {

    private PositionResponses() {
    }

    static Response of(PositionService.Outcome outcome, UriInfo uri) {
        Response.ResponseBuilder response = outcome.created()
                ? Response.created(uri.getAbsolutePath())
                : Response.ok();
        return response.tag(Preconditions.etag(outcome.position().version)).entity(PositionMapper.toView(outcome.position())).build();
    }
}
