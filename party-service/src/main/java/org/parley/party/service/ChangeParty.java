package org.parley.party.service;

import org.parley.party.model.ConflictRole;
import org.parley.party.model.PartyKind;

import java.util.UUID;

/**
 * Replace every field of a party, based on the version the client read ({@code ifMatch}, the ETag it was
 * given). The name is kept without surrounding white space.
 */
public record ChangeParty(UUID partyId, String ifMatch, String slug, String name, PartyKind kind, String isoCode,
                          ConflictRole conflictRole) {

    public ChangeParty {
        name = name == null ? null : name.strip();
    }
}
