package org.parley.party.rest;

/** Descriptions more than one operation shares in the OpenAPI document. */
final class OpenApiText {

    static final String IF_MATCH = "The ETag of the version this change is based on, as read from GET (required; a stale one gets 412)";

    private OpenApiText() {
    }
}
