package org.parley.party.repository;

import org.parley.party.ConflictRole;
import org.parley.party.PartyKind;

import java.time.Instant;

/** The filters of the party list; a null filter does not narrow it. */
public record PartyCriteria(PartyKind kind, ConflictRole conflictRole, Instant updatedSince, Ordering ordering) {
}
