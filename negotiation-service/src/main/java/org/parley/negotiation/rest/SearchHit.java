package org.parley.negotiation.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "SearchHit", description = "A statement, clause or incident whose text matches a search")
public record SearchHit(
        Kind kind,
        UUID id,
        @Schema(description = "The negotiation it belongs to; null for an incident recorded without one", nullable = true) UUID negotiationId,
        @Schema(description = "The quote, the clause's heading or text, or the incident's description", examples = "This was a necessary conversation")
        String excerpt,
        @Schema(description = "The path of the resource", examples = "/api/v1/statements/0c4f2a8e-3d1b-4e6f-9a7c-5b8d2e1f3a4c")
        String link,
        @Schema(description = "How closely the text matches, from 0 to 1 (every query word found as written)", examples = "0.82")
        double score) {

    @Schema(name = "SearchHitKind")
    public enum Kind {
        @JsonProperty("statement") STATEMENT,
        @JsonProperty("clause") CLAUSE,
        @JsonProperty("incident") INCIDENT
    }
}
