package org.parley.party.service;

import org.parley.party.model.EnvoyRole;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Appoint an envoy of an existing party. Names are kept stripped, aliases without repeats, a blank title as none. */
public record AppointEnvoy(String fullName, List<String> aliases, String title, UUID partyId, EnvoyRole role,
                           LocalDate mandateFrom, LocalDate mandateTo) {

    public AppointEnvoy {
        fullName = CommandText.strip(fullName);
        aliases = CommandText.aliases(aliases);
        title = CommandText.blankToNull(title);
    }
}
