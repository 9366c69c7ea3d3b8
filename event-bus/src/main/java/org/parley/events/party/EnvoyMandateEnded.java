package org.parley.events.party;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

@EventType("org.parley.envoy.mandate-ended.v1")
@JsonClassDescription("An envoy no longer acts for the party; mandateTo says since when.")
public record EnvoyMandateEnded(EnvoyData envoy) implements PartyEvent {

    @Override
    public String subject() {
        return envoy.id().toString();
    }

    @Override
    public String partitionKey() {
        return envoy.partyId().toString();
    }
}
