package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

@JsonClassDescription("Where an incident happened, as precisely as reported.")
public record IncidentPlaceData(
        @Nullable String city,
        @Nullable String region,
        @Nullable String country,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @JsonPropertyDescription("The place in the report's words, e.g. \"the Russia-occupied region of Kherson\".")
        @Nullable String asReported) {
}
