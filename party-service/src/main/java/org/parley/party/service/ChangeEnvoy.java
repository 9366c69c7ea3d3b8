package org.parley.party.service;

import org.parley.party.model.EnvoyRole;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Replace every field of an envoy, based on the version the client read ({@code ifMatch}). Names are kept
 * stripped, aliases without repeats, a blank title as none.
 */
public record ChangeEnvoy(UUID envoyId, String ifMatch, String fullName, List<String> aliases, String title, UUID partyId,
                          EnvoyRole role, LocalDate mandateFrom, LocalDate mandateTo) {

    public ChangeEnvoy {
        fullName = CommandText.strip(fullName);
        aliases = CommandText.aliases(aliases);
        title = CommandText.blankToNull(title);
    }
}
