package org.parley.events.party;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.parley.events.EventType;

import java.util.UUID;

@EventType("org.parley.party.removed.v1")
@JsonClassDescription("A party was removed from the tracker; consumers drop their copy of it.")
public record PartyRemoved(UUID partyId, String slug) implements PartyEvent {

    @Override
    public String subject() {
        return partyId.toString();
    }

    @Override
    public String partitionKey() {
        return partyId.toString();
    }
}
