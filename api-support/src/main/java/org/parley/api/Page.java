package org.parley.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to fetch the next. */
public record Page<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Zero-based page number", examples = "0") int page,
        @Schema(description = "Page size asked for", examples = "50") int size,
        @Schema(description = "Items across all pages that match the filters") long totalItems,
        @Schema(description = "Number of pages") int totalPages) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static <T> Page<T> of(List<T> items, int page, int size, long totalItems) {
        int pages = (int) ((totalItems + size - 1) / size);
        return new Page<>(items, page, size, totalItems, pages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
