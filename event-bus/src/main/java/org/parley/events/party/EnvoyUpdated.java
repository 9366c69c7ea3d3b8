package org.parley.events.party;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

@EventType("org.parley.envoy.updated.v1")
@JsonClassDescription("An envoy's details changed; carries the whole envoy.")
public record EnvoyUpdated(EnvoyData envoy) implements PartyEvent {

    @Override
    public String subject() {
        return envoy.id().toString();
    }

    @Override
    public String partitionKey() {
        return envoy.partyId().toString();
    }
}
