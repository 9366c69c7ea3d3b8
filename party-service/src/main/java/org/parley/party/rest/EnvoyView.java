package org.parley.party.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.party.model.EnvoyRole;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An envoy as the API shows them. */
@Schema(name = "Envoy", description = "A person who acts or speaks for a party")
public record EnvoyView(
        UUID id,
        @Schema(description = "Id of the party the envoy acts or speaks for") UUID partyId,
        @Schema(examples = "Steven Witkoff") String fullName,
        @Schema(examples = "[\"Steve Witkoff\"]") List<String> aliases,
        @Schema(examples = "U.S. Special Envoy for Peace Missions", nullable = true) String title,
        EnvoyRole role,
        @Schema(examples = "2025-01-20", description = "First day of the mandate; null when not reported", nullable = true) LocalDate mandateFrom,
        @Schema(description = "Last day of the mandate, if known", nullable = true) LocalDate mandateTo,
        @Schema(description = "Why the mandate ended, when it was ended through mandate-end", nullable = true) String mandateEndReason,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Version of this envoy; its ETag is this number in quotes", examples = "0") long version) {
}
