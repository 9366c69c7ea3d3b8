package org.parley.events.party;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JsonClassDescription("An envoy as party-service holds it after the change: a person who acts or speaks for a party.")
public record EnvoyData(
        UUID id,
        @JsonPropertyDescription("The party the envoy represents: the event's key.")
        UUID partyId,
        String fullName,
        List<String> aliases,
        @Nullable String title,
        @JsonPropertyDescription("head_of_state, special_envoy, chief_negotiator, official or spokesperson.")
        String role,
        @Nullable LocalDate mandateFrom,
        @JsonPropertyDescription("Null while the mandate is open.")
        @Nullable LocalDate mandateTo,
        Instant updatedAt,
        @JsonPropertyDescription("The envoy's version in party-service, raised by every change: a consumer keeps the copy "
                + "with the highest version and ignores an older one arriving late, whatever the clocks say. "
                + "0 in events from builds before it was added.")
        long version) {
}
