package org.parley.api;

/** A stored row the sync walk can return: it knows its {@link ChangeKey} (its {@code change_xid}, set by the database, and its id). */
public interface Changed {

    ChangeKey changeKey();
}
