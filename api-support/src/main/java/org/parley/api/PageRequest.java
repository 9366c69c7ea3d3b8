package org.parley.api;

import java.util.List;

/**
 * A page a client asked for, read by {@link Paging}: its size, where it starts (an offset into an ordinary
 * sort, or the {@link ChangeKey} after which a sync walk goes on), whether to count the total, and the
 * fingerprint of the list's filters and sort that the next page's token is bound to.
 */
public record PageRequest(int size, long offset, ChangeKey after, boolean includeTotal, String fingerprint) {

    /** Past this an offset is refused: {@code page} may be at most 1,000,000 pages of 200. */
    public static final long MAX_OFFSET = (long) Paging.MAX_PAGE * Page.MAX_SIZE;

    /** How many rows to fetch: one more than the page, to know whether there is a next one without counting. */
    public int limit() {
        return size + 1;
    }

    /** The first offset row of an offset-paged list; a sync-walk token sent to a list that has no sync walk is refused. */
    public int firstResult() {
        if (after != null) {
            throw PageToken.invalid("it belongs to a sync walk (sort=changes)");
        }
        return (int) offset;
    }

    /** A page of an ordinary sort, from up to {@link #limit()} rows fetched at {@link #firstResult()}. */
    public <T> Page<T> offsetPage(List<T> fetched, Long total) {
        boolean more = fetched.size() > size;
        String next = more && offset + size <= MAX_OFFSET ? PageToken.offset(fingerprint, offset + size).encode() : null;
        return new Page<>(more ? fetched.subList(0, size) : fetched, List.of(), size, next, includeTotal ? total : null);
    }

    /** A page of the sync walk: items and deletions in change order, the token after the last of them. */
    <T> Page<T> changePage(List<T> items, List<Deletion> deletions, ChangeKey last, boolean more, Long total) {
        String next = more ? PageToken.after(fingerprint, last).encode() : null;
        return new Page<>(items, deletions, size, next, includeTotal ? total : null);
    }

    /** No items at all (a filter that cannot match). */
    public <T> Page<T> empty() {
        return new Page<>(List.of(), List.of(), size, null, includeTotal ? 0L : null);
    }
}
