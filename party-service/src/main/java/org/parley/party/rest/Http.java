package org.parley.party.rest;

import jakarta.ws.rs.core.Response;
import org.parley.api.Preconditions;

import java.net.URI;

/** Shared response shapes: the same headers on every resource. */
final class Http {

    static final String JSON = "application/json";
    static final String IF_MATCH_DESCRIPTION = "The ETag of the version this change is based on, as read from GET (required; a stale one gets 412)";

    private Http() {
    }

    static Response created(URI location, long version, Object body) {
        return Response.created(location).tag(Preconditions.etag(version)).entity(body).build();
    }

    static Response ok(long version, Object body) {
        return Response.ok(body).tag(Preconditions.etag(version)).build();
    }
}
