package org.parley.negotiation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.parley.api.Responses;
import org.parley.negotiation.mapping.PositionMapper;
import org.parley.negotiation.service.PositionService;

/** A first stance is a creation (201 + Location); later ones, including no-ops, are 200. */
final class PositionResponses {

    private PositionResponses() {
    }

    static Response of(PositionService.Outcome outcome, UriInfo uri) {
        PositionView view = PositionMapper.toView(outcome.position());
        long version = outcome.position().version;
        return outcome.created() ? Responses.created(uri.getAbsolutePath(), version, view) : Responses.ok(version, view);
    }
}
