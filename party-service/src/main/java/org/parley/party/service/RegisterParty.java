package org.parley.party.service;

import org.parley.party.model.ConflictRole;
import org.parley.party.model.PartyKind;

/** Register a new party. The name is kept without surrounding white space. */
public record RegisterParty(String slug, String name, PartyKind kind, String isoCode, ConflictRole conflictRole) {

    public RegisterParty {
        name = name == null ? null : name.strip();
    }
}
