package org.parley.party.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.party.model.ConflictRole;
import org.parley.party.model.PartyKind;

import java.time.Instant;
import java.util.UUID;

/** A party as the API shows it. */
@Schema(name = "Party", description = "A state, bloc, international organisation or non-state actor")
public record PartyView(
        @Schema(description = "Id, assigned at registration") UUID id,
        @Schema(examples = "ua") String slug,
        @Schema(examples = "Ukraine") String name,
        PartyKind kind,
        @Schema(examples = "UA", nullable = true) String isoCode,
        ConflictRole conflictRole,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Version of this party; its ETag is this number in quotes", examples = "0") long version) {
}
