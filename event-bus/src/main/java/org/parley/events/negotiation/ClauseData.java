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
        @JsonPropertyDescription("The number the document gives it, e.g. 12 or 3.a.")
        String number,
        @JsonPropertyDescription("Its place in the proposal, from 0.")
        int ordinal,
        @Nullable String heading,
        String text,
        @JsonPropertyDescription("ceasefire, territory, security_guarantees, sanctions, humanitarian, prisoners, "
                + "reconstruction, governance, elections, military_limits, ...")
        String topic,
        Instant updatedAt) {
}
