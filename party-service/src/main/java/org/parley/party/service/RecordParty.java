package org.parley.party.service;

import org.parley.party.model.ConflictRole;
import org.parley.party.model.PartyKind;

/** Every field of a party, to register it or to replace what it holds. The name is kept without surrounding white space. */
public record RecordParty(String slug, String name, PartyKind kind, String isoCode, ConflictRole conflictRole) {

    public RecordParty {
        name = name == null ? null : name.strip();
    }
}
