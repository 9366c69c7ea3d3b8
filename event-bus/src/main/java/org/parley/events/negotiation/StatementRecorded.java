package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;
import org.parley.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@EventType("org.parley.statement.recorded.v1")
@JsonClassDescription("A quote by an envoy, linked to the meeting or proposal it concerns.")
public record StatementRecorded(
        UUID statementId,
        UUID negotiationId,
        UUID envoyId,
        @JsonPropertyDescription("The party the envoy spoke for.")
        UUID partyId,
        String quote,
        LocalDate saidOn,
        @Nullable UUID meetingId,
        @Nullable UUID proposalId,
        SourceRef source,
        Instant recordedAt) implements NegotiationEvent {

    @Override
    public String subject() {
        return statementId.toString();
    }
}
