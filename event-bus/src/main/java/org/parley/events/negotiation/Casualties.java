package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.Nullable;

@JsonClassDescription("Casualty counts as reported; an absent count is unknown, not zero.")
public record Casualties(
        @Nullable Integer killed,
        @Nullable Integer injured,
        @Nullable Integer civiliansKilled,
        @Nullable Integer civiliansInjured,
        @Nullable Integer childrenKilled,
        @Nullable Integer childrenInjured) {
}
