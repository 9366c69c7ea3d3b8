package org.parley.events.party;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

@EventType("org.parley.envoy.appointed.v1")
@JsonClassDescription("An envoy now acts or speaks for a party.")
public record EnvoyAppointed(EnvoyData envoy) implements PartyEvent {

    @Override
    public String subject() {
        return envoy.id().toString();
    }

    @Override
    public String partitionKey() {
        return envoy.partyId().toString();
    }
}
