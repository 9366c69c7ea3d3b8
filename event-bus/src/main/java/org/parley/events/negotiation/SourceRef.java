package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

import java.time.LocalDate;

@JsonClassDescription("Where a fact came from: the same shape as the Source of negotiation-service's API.")
public record SourceRef(
        @JsonPropertyDescription("The publication or outlet, e.g. Reuters, Kremlin press service.")
        String publication,
        @Nullable String url,
        @Nullable LocalDate publishedOn,
        @JsonPropertyDescription("Who said it, or where within the article, when the fact is a claim by someone.")
        @Nullable String attribution) {
}
