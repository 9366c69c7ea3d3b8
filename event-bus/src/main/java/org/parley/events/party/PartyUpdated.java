package org.parley.events.party;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

@EventType("org.parley.party.updated.v1")
@JsonClassDescription("A party's details changed; carries the whole party.")
public record PartyUpdated(PartyData party) implements PartyEvent {

    @Override
    public String subject() {
        return party.id().toString();
    }

    @Override
    public String partitionKey() {
        return party.id().toString();
    }
}
