package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;
import org.parley.events.Nullable;

import java.time.Instant;
import java.util.UUID;

@EventType("org.parley.position.recorded.v1")
@JsonClassDescription("Where a party stands, on one clause or on a whole proposal. Positions are never "
        + "overwritten: each change is a new position, so the events of one party and clause form its timeline.")
public record PositionRecorded(
        UUID positionId,
        UUID negotiationId,
        UUID partyId,
        UUID proposalId,
        @JsonPropertyDescription("The clause; null when the party took a stand on the whole proposal without "
                + "naming the clauses (\"certain elements are unacceptable\").")
        @Nullable UUID clauseId,
        @JsonPropertyDescription("not_stated, under_review, accepted, accepted_with_reservations, contested or rejected.")
        String status,
        @JsonPropertyDescription("The party's status on the same clause or proposal before this one; null for its first.")
        @Nullable String previousStatus,
        @Nullable String note,
        SourceRef source,
        Instant recordedAt,
        @JsonPropertyDescription("Who recorded it in Parley.")
        String recordedBy) implements NegotiationEvent {

    @Override
    public String subject() {
        return positionId.toString();
    }
}
