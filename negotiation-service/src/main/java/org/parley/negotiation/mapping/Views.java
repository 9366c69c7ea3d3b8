package org.parley.negotiation.mapping;

/** Emptied: each aggregate has its own mapper now (the lead deletes this class). */
public final class Views {

    private Views() {
    }
}
