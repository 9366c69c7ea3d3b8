package org.parley.party.repository;

import org.parley.party.model.ConflictRole;
import org.parley.party.model.PartyKind;

import java.time.Instant;

/** The filters of the party list; a null filter does not narrow it. */
public record PartyFilter(PartyKind kind, ConflictRole conflictRole, Instant updatedSince, Ordering ordering) {
}
