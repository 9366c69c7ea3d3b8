package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;
import org.parley.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@EventType("org.parley.incident.recorded.v1")
@JsonClassDescription("An event on the ground that frames the talks, such as a strike on a city.")
public record IncidentRecorded(
        UUID incidentId,
        UUID negotiationId,
        LocalDate occurredOn,
        @JsonPropertyDescription("missile, drone, artillery, ...")
        String kind,
        @Nullable String city,
        @Nullable String region,
        @JsonPropertyDescription("The party the incident is attributed to, if any.")
        @Nullable UUID attributedPartyId,
        @JsonPropertyDescription("Who attributes it; present when attributedPartyId is.")
        @Nullable SourceRef attributionSource,
        Casualties casualties,
        @Nullable String infrastructureDamaged,
        SourceRef source,
        Instant recordedAt) implements NegotiationEvent {

    @Override
    public String subject() {
        return incidentId.toString();
    }
}
