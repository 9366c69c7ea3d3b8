package org.parley.party.rest;

/**
 * Patterns for free text. PostgreSQL cannot store a NUL character at all, so letting one through would
 * turn bad input into a 500; names and titles are single lines, so other control characters go too.
 */
final class Text {

    static final String SINGLE_LINE = "[^\\x00-\\x1F\\x7F]*";
    static final String SINGLE_LINE_MESSAGE = "must be a single line without control characters";
    static final String NO_NUL = "[^\\x00]*";
    static final String NO_NUL_MESSAGE = "must not contain NUL characters";

    private Text() {
    }
}
