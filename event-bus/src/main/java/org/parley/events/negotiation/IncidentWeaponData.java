package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

@JsonClassDescription("Weapons launched, e.g. 138 drones.")
public record IncidentWeaponData(
        String weapon,
        @JsonPropertyDescription("How many; null when the report gives no number.")
        @Nullable Integer count,
        @JsonPropertyDescription("over, at_least, about, up_to or under; null when the count is exact.")
        @Nullable String qualifier) {
}
