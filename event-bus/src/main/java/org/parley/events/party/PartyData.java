package org.parley.events.party;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.Nullable;

import java.time.Instant;
import java.util.UUID;

@JsonClassDescription("A party as party-service holds it after the change.")
public record PartyData(
        UUID id,
        @JsonPropertyDescription("Short stable handle, e.g. ru, ua, us, eu.")
        String slug,
        String name,
        @JsonPropertyDescription("state, bloc, international_organisation or non_state_actor.")
        String kind,
        @JsonPropertyDescription("ISO 3166-1 alpha-2 code, for states.")
        @Nullable String isoCode,
        @JsonPropertyDescription("belligerent, mediator, guarantor, observer or stakeholder.")
        String conflictRole,
        Instant updatedAt,
        @JsonPropertyDescription("The party's version in party-service, raised by every change: a consumer keeps the copy "
                + "with the highest version and ignores an older one arriving late, whatever the clocks say. "
                + "0 in events from builds before it was added.")
        long version) {
}
