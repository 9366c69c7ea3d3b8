package org.parley.party.repository;

/** A sort key chosen from a whitelist by the caller, ascending unless {@code descending}. */
public record Ordering(String key, boolean descending) {

    /** {@code name} sorts ascending, {@code -name} descending: the form the {@code sort} query parameter takes. */
    public static Ordering parse(String sort) {
        return sort.startsWith("-") ? new Ordering(sort.substring(1), true) : new Ordering(sort, false);
    }
}
