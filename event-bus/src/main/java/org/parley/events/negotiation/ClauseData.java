package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("A clause as negotiation-service holds it after the change.")
public record ClauseData(
        UUID id,
        UUID negotiationId,
        UUID proposalId,
        @JsonPropertyDescription("The number or label the document gives it, e.g. 12 or 3.a.")
        String label,
        @JsonPropertyDescription("Its place in the proposal, from 1.")
        int position,
        @Nullable String heading,
        @JsonPropertyDescription("The text; null when it is not known.")
        @Nullable String text,
        @JsonPropertyDescription("ceasefire, territory, security_guarantees, sanctions, humanitarian, prisoners, "
                + "reconstruction, governance, elections, military_limits or other.")
        String topic,
        @JsonPropertyDescription("The clause of an earlier version this one came from.")
        @Nullable UUID derivedFromClauseId,
        Instant updatedAt) {
}
