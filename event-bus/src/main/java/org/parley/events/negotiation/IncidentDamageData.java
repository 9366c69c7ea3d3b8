package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

@JsonClassDescription("Something damaged, e.g. over 40 residential buildings.")
public record IncidentDamageData(
        String what,
        @JsonPropertyDescription("How many; null when the report gives no number.")
        @Nullable Integer count,
        @JsonPropertyDescription("over, at_least, about, up_to or under; null when the count is exact.")
        @Nullable String qualifier) {
}
