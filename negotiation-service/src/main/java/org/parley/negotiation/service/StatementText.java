package org.parley.negotiation.service;

import java.util.List;

/** Small text helpers for the fact records. Quotes themselves are never touched: they are verbatim. */
final class StatementText {

    private StatementText() {
    }

    public static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static List<String> trimAll(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }
}
