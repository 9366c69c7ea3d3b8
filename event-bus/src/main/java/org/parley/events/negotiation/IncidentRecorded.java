package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;
import org.parley.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@EventType("org.parley.incident.recorded.v1")
@JsonClassDescription("An event on the ground that frames the talks, such as a strike on a city, as reported. "
        + "Keyed by the negotiation it frames, or by the incident itself when it frames none.")
public record IncidentRecorded(
        UUID incidentId,
        @JsonPropertyDescription("The negotiation whose talks it frames; null when none.")
        @Nullable UUID negotiationId,
        @JsonPropertyDescription("The day it happened; null when not reported.")
        @Nullable LocalDate occurredOn,
        @JsonPropertyDescription("exact_day, night, weekday_as_reported, approximate or unknown.")
        String datePrecision,
        @JsonPropertyDescription("The date in the report's words, e.g. \"Thursday\", \"overnight\".")
        @Nullable String dateAsReported,
        @JsonPropertyDescription("missile_strike, drone_strike, combined_strike, air_strike, artillery, shelling, "
                + "infrastructure_outage, unspecified_attack or other.")
        String kind,
        @JsonPropertyDescription("The weapons in the report's words.")
        @Nullable String weapons,
        IncidentPlaceData place,
        @JsonPropertyDescription("The party the incident is attributed to, if any.")
        @Nullable UUID attributedPartyId,
        @JsonPropertyDescription("Who made the attribution or reported it, e.g. \"Moscow-installed regional leader Vladimir Saldo\".")
        @Nullable String attributedBy,
        Casualties casualties,
        List<IncidentDamageData> damage,
        List<IncidentWeaponData> weaponsLaunched,
        @JsonPropertyDescription("What followed from it, e.g. a power plant shut down.")
        List<String> consequences,
        @JsonPropertyDescription("Where it was reported; at least one.")
        List<SourceRef> sources,
        Instant recordedAt) implements NegotiationEvent {

    @Override
    public String subject() {
        return incidentId.toString();
    }

    /** An incident that frames no negotiation is ordered on its own. */
    @Override
    public String partitionKey() {
        return negotiationId != null ? negotiationId.toString() : incidentId.toString();
    }
}
