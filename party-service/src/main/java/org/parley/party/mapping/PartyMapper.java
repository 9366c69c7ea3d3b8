package org.parley.party.mapping;

import org.parley.party.model.Party;
import org.parley.party.rest.PartyInput;
import org.parley.party.rest.PartyView;
import org.parley.party.service.RecordParty;


/** Between the party's API records and the service's entity and commands. */
public final class PartyMapper {

    private PartyMapper() {
    }

    public static PartyView toView(Party party) {
        return new PartyView(party.id, party.slug, party.name, party.kind, party.isoCode, party.conflictRole,
                party.createdAt, party.updatedAt, party.version);
    }

    public static RecordParty toCommand(PartyInput input) {
        return new RecordParty(input.slug(), input.name(), input.kind(), input.isoCode(), input.conflictRole());
    }

}
