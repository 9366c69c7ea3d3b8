package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

import java.util.List;

@JsonClassDescription("Casualty counts as reported; a null count is unknown, not zero. Children are counted "
        + "within killed and injured, and again apart.")
public record Casualties(
        @Nullable Integer killed,
        @Nullable Integer injured,
        @Nullable Integer childrenKilled,
        @Nullable Integer childrenInjured,
        @JsonPropertyDescription("Whether the casualties were civilians; null when the report does not say.")
        @Nullable Boolean civilian,
        @JsonPropertyDescription("Who they were, in the report's words, e.g. \"a three-year-old girl\".")
        List<String> notes) {
}
