package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;
import org.parley.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@EventType("org.parley.statement.recorded.v1")
@JsonClassDescription("A quote by an envoy, verbatim, linked to the meeting or proposal it concerns.")
public record StatementRecorded(
        UUID statementId,
        UUID negotiationId,
        UUID envoyId,
        @JsonPropertyDescription("The envoy's name as negotiation-service knew it when the statement was recorded.")
        @Nullable String envoyName,
        @JsonPropertyDescription("The party the envoy spoke for.")
        UUID partyId,
        @JsonPropertyDescription("The words, verbatim.")
        String quote,
        @JsonPropertyDescription("The day it was said; null when not reported.")
        @Nullable LocalDate saidOn,
        @JsonPropertyDescription("exact_day, night, weekday_as_reported, approximate or unknown.")
        String saidOnPrecision,
        @JsonPropertyDescription("The date in the source's words, e.g. \"Thursday\".")
        @Nullable String saidOnAsReported,
        @JsonPropertyDescription("Context or a paraphrase note.")
        @Nullable String context,
        @Nullable UUID meetingId,
        @Nullable UUID proposalId,
        @JsonPropertyDescription("Where it was reported; at least one.")
        List<SourceRef> sources,
        Instant recordedAt) implements NegotiationEvent {

    @Override
    public String subject() {
        return statementId.toString();
    }
}
