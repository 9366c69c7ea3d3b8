package org.parley.events.party;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;

import java.util.UUID;

@EventType("org.parley.party.removed.v1")
@JsonClassDescription("A party was removed from the tracker; consumers drop their copy of it.")
public record PartyRemoved(
        UUID partyId,
        String slug,
        @JsonPropertyDescription("One more than the party's last version: the removal orders after every change before it. "
                + "0 in events from builds before it was added.")
        long version) implements PartyEvent {

    @Override
    public String subject() {
        return partyId.toString();
    }

    @Override
    public String partitionKey() {
        return partyId.toString();
    }
}
