package org.parley.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A tombstone: an item of the list that was deleted, returned by the sync walk in the order of the change that
 * deleted it. No class-level {@code @Schema}: a named schema would also appear in the gateway's own document
 * (it has api-support too), there without the services' required list, and the merge would refuse the difference.
 */
public record Deletion(
        @Schema(description = "The id of the deleted item", examples = "0b6f3f0e-5d7a-4a43-9a57-2b9f3c1d8e21") String id,
        @Schema(description = "When it was deleted", examples = "2025-12-03T09:12:00Z") Instant deletedAt) {
}
