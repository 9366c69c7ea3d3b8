package org.parley.party.repository;

import org.parley.party.model.EnvoyRole;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The filters of the envoy list; a null filter does not narrow it. {@code nameWords} are the normalised
 * words of a name search (see {@link NameSearch}), empty for no search.
 */
public record EnvoyFilter(UUID partyId, EnvoyRole role, LocalDate activeOn, List<String> nameWords, Instant updatedSince,
                          Ordering ordering) {

    public EnvoyFilter withParty(UUID party) {
        return new EnvoyFilter(party, role, activeOn, nameWords, updatedSince, ordering);
    }
}
