package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;
import org.parley.events.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@EventType("org.parley.position.recorded.v1")
@JsonClassDescription("A party's stance changed, on one clause or on a whole proposal. One event per change (saying the "
        + "same thing again publishes nothing), so the events of one positionId form its timeline.")
public record PositionRecorded(
        @JsonPropertyDescription("The position of this party on this clause (or proposal): the same id for every change of it.")
        UUID positionId,
        UUID negotiationId,
        UUID partyId,
        UUID proposalId,
        @JsonPropertyDescription("The clause; null when the party took a stand on the whole proposal.")
        @Nullable UUID clauseId,
        @JsonPropertyDescription("not_stated, under_review, accepted, accepted_with_reservations, contested or rejected.")
        String status,
        @JsonPropertyDescription("The party's status on the same clause or proposal before this one; null for its first.")
        @Nullable String previousStatus,
        @Nullable String note,
        @JsonPropertyDescription("Proposal-level stances only: the clauses meant, when the party named them; null when "
                + "undisclosed (\"certain elements are unacceptable\").")
        @Nullable List<UUID> affectedClauseIds,
        @JsonPropertyDescription("At least one.")
        List<SourceRef> sources,
        @JsonPropertyDescription("When the stance was taken.")
        Instant recordedAt,
        @JsonPropertyDescription("Who recorded it in Parley: the subject of their access token, as in ce_actor.")
        String recordedBy) implements NegotiationEvent {

    @Override
    public String subject() {
        return positionId.toString();
    }
}
