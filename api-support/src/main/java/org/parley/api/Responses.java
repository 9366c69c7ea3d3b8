package org.parley.api;

import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The responses that carry a resource's version as its ETag, shaped the same on every resource. */
public final class Responses {

    private Responses() {
    }

    public static Response ok(long version, Object body) {
        return Response.ok(body).tag(Preconditions.etag(version)).build();
    }

    public static Response created(URI location, long version, Object body) {
        return Response.created(location).tag(Preconditions.etag(version)).entity(body).build();
    }
}
