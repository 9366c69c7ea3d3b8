package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JsonClassDescription("A negotiation as negotiation-service holds it after the change.")
public record NegotiationData(
        UUID id,
        String title,
        @JsonPropertyDescription("active, stalled, concluded or collapsed.")
        String status,
        List<NegotiationParticipant> parties,
        @Nullable LocalDate startedOn,
        @Nullable LocalDate endedOn,
        Instant updatedAt) {
}
