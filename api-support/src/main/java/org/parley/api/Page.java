package org.parley.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list (AIP-158): the items, and the token of the next page, absent (null) on the last one.
 * The total is counted only when asked for ({@code include_total=true}): counting every match on every page
 * of a large list is what a cursor saves.
 */
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Items deleted since the page token's position (tombstones: remove them from a copy), in the same "
                + "change order as the items: only the sync walk (sort=changes) returns any; every other sort answers an empty list")
        List<Deletion> deletions,
        @Schema(description = "Page size asked for", examples = "50") int size,
        @Schema(description = "Send it as page_token, with the same filters and sort, for the next page; null on the last page",
                nullable = true, examples = "MXxhYjEyY2QzNGVmNTZnaDc4fG98NTB8c2VjcmV0c3VtMTI") String nextPageToken,
        @Schema(description = "Items across all pages that match the filters; only with include_total=true, otherwise null",
                nullable = true) Long totalSize) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** A list that is not paged by the database (a short, derived one): no further page, total counted. */
    public static <T> Page<T> whole(List<T> items, int size) {
        return new Page<>(items, List.of(), size, null, (long) items.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), deletions, size, nextPageToken, totalSize);
    }
}
