package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonClassDescription("A meeting as negotiation-service holds it after the change.")
public record MeetingData(
        UUID id,
        UUID negotiationId,
        String title,
        @JsonPropertyDescription("When it starts; null when the source gives no date (startPrecision unknown).")
        @Nullable Instant startsAt,
        @JsonPropertyDescription("instant, exact_day (only the UTC date of startsAt is known) or unknown: the DatePrecision vocabulary of the API.")
        String startPrecision,
        @JsonPropertyDescription("The timing in the source's own words, e.g. \"later today\", when given.")
        @Nullable String timingAsReported,
        @JsonPropertyDescription("How long it lasted or is planned to last, as an ISO-8601 duration (PT5H), when known.")
        @Nullable String duration,
        @JsonPropertyDescription("Where, e.g. the Kremlin, Moscow, Russia; null when unknown or virtual.")
        @Nullable MeetingPlace location,
        @JsonPropertyDescription("in_person or virtual.")
        String format,
        @JsonPropertyDescription("scheduled, held, cancelled or postponed.")
        String status,
        @JsonPropertyDescription("The note given with the last status change.")
        @Nullable String statusNote,
        List<UUID> partyIds,
        @JsonPropertyDescription("The envoys who took part.")
        List<UUID> envoyIds,
        List<UUID> proposalIdsDiscussed,
        List<UUID> clauseIdsDiscussed,
        @Nullable String outcomeSummary,
        List<SourceRef> sources,
        Instant updatedAt) {
}
