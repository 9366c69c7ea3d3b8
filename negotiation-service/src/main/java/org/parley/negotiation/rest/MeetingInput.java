package org.parley.negotiation.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.api.TextRules;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.MeetingFormat;
import org.parley.negotiation.model.MeetingStatus;
import org.parley.negotiation.model.Source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "MeetingInput", description = "A meeting to schedule (or record), or its new state (PUT replaces every field)")
public record MeetingInput(
        @Schema(required = true) @NotNull UUID negotiationId,
        @Schema(required = true, examples = "Witkoff and Kushner meet Putin in the Kremlin") @NotBlank @Size(max = 300) @Pattern(regexp = TextRules.SINGLE_LINE, message = TextRules.SINGLE_LINE_MESSAGE) String title,
        @Schema(examples = "2025-12-02T16:00:00Z", description = "When it starts; leave out when the source gives no date") Instant startsAt,
        @Schema(description = "How much of the start is known: instant (the default when startsAt is given), exact_day (only the UTC date of startsAt), unknown (no startsAt; the default without one)")
        DatePrecision startPrecision,
        @Schema(description = "The timing in the source's own words, e.g. \"later today\", \"recently\"", examples = "later today")
        @Size(max = 200) String timingAsReported,
        @Schema(type = SchemaType.STRING, description = "ISO-8601 duration", examples = "PT5H") @JsonFormat(shape = JsonFormat.Shape.STRING) Duration duration,
        @Valid MeetingLocation location,
        @Schema(required = true, examples = "in_person") @NotNull MeetingFormat format,
        @Schema(description = "scheduled (the default) or, to record a past meeting, held; on PUT a change must be a valid transition")
        MeetingStatus status,
        @Size(max = 10000) String outcomeSummary,
        @Size(max = 100) List<@NotNull UUID> participantEnvoyIds,
        @Size(max = 100) List<@NotNull UUID> partyIds,
        @Size(max = 100) List<@NotNull UUID> discussedProposalIds,
        @Size(max = 500) List<@NotNull UUID> discussedClauseIds,
        @Schema(description = "At least one", required = true) @Size(max = 50) List<@NotNull @Valid Source> sources) {
}
