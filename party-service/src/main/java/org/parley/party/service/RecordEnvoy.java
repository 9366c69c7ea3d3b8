package org.parley.party.service;

import org.parley.party.model.EnvoyRole;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Every field of an envoy of an existing party, to appoint one or to replace what it holds. Names are kept
 * stripped, aliases without repeats, a blank title as none.
 */
public record RecordEnvoy(String fullName, List<String> aliases, String title, UUID partyId, EnvoyRole role,
                           LocalDate mandateFrom, LocalDate mandateTo) {

    public RecordEnvoy {
        fullName = CommandText.strip(fullName);
        aliases = CommandText.aliases(aliases);
        title = CommandText.blankToNull(title);
    }
}
