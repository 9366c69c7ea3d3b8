package org.parley.api;

import java.util.Comparator;

/**
 * Where a row stands in the sync walk: the id of the transaction that last wrote it (PostgreSQL's
 * {@code pg_current_xact_id()}, a 64-bit xid8 that never wraps, held as a bigint in {@code change_xid}) and
 * its id. Ids compare as text: for UUIDs in canonical lower-case form that is PostgreSQL's uuid order.
 */
public record ChangeKey(long xid, String id) implements Comparable<ChangeKey> {

    private static final Comparator<ChangeKey> ORDER = Comparator.comparingLong(ChangeKey::xid).thenComparing(ChangeKey::id);

    @Override
    public int compareTo(ChangeKey other) {
        return ORDER.compare(this, other);
    }
}
