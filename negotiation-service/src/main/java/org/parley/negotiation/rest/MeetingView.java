package org.parley.negotiation.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.MeetingFormat;
import org.parley.negotiation.model.MeetingStatus;
import org.parley.negotiation.model.Source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Meeting", description = "A meeting of envoys within a negotiation")
public record MeetingView(UUID id, UUID negotiationId, String title, @Schema(description = "When it starts; null when no start was reported", nullable = true) Instant startsAt,
                          DatePrecision startPrecision, @Schema(nullable = true) String timingAsReported,
                          @Schema(type = SchemaType.STRING, examples = "PT5H", nullable = true) @JsonFormat(shape = JsonFormat.Shape.STRING) Duration duration,
                          @Schema(nullable = true) MeetingLocation location, MeetingFormat format, MeetingStatus status,
                          @Schema(description = "The note given with the last status change", nullable = true) String statusNote,
                          @Schema(nullable = true) String outcomeSummary, List<UUID> participantEnvoyIds, List<UUID> partyIds,
                          List<UUID> discussedProposalIds, List<UUID> discussedClauseIds, List<Source> sources,
                          Instant createdAt, Instant updatedAt) {
}
