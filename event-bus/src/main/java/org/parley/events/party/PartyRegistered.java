package org.parley.events.party;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

@EventType("org.parley.party.registered.v1")
@JsonClassDescription("A party was added to the tracker.")
public record PartyRegistered(PartyData party) implements PartyEvent {

    @Override
    public String subject() {
        return party.id().toString();
    }

    @Override
    public String partitionKey() {
        return party.id().toString();
    }
}
