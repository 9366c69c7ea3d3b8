package org.parley.negotiation.rest;

/** Words repeated across the resources' OpenAPI annotations. */
final class OpenApiText {

    static final String PROBLEM = "application/problem+json";
    static final String IF_MATCH = "The ETag of the version being changed, from a previous GET (412 when stale, 428 when missing)";
    static final String HISTORY_SORT = "recordedAt (oldest first, the default), -recordedAt" + org.parley.api.Pager.OR_CHANGES;
    static final String UPDATED_SINCE = "Only items changed at or after this instant (ISO-8601 UTC timestamp, or a date meaning its start)";

    private OpenApiText() {
    }
}
