package org.parley.api;

/**
 * Patterns for text fields, for {@code @Pattern}. The NUL character is refused in every JSON string by
 * {@link StorableInput}; names and titles are single lines, so other control characters go too.
 */
public final class TextRules {

    public static final String SINGLE_LINE = "[^\\x00-\\x1F\\x7F]*";
    public static final String SINGLE_LINE_MESSAGE = "must be a single line without control characters";

    private TextRules() {
    }
}
