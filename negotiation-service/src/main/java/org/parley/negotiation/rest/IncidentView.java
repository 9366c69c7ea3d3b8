package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.IncidentDamage;
import org.parley.negotiation.model.IncidentKind;
import org.parley.negotiation.model.IncidentWeaponCount;
import org.parley.negotiation.model.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Incident", description = "An event on the ground as reported, with its sources")
public record IncidentView(
        UUID id,
        @Schema(nullable = true) UUID negotiationId,
        @Schema(description = "The day it happened; null when not reported", nullable = true)
        LocalDate occurredOn,
        DatePrecision datePrecision,
        @Schema(nullable = true) String dateAsReported,
        IncidentPlace place,
        IncidentKind kind,
        @Schema(nullable = true) String weapons,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) UUID attributedToPartyId,
        @Schema(nullable = true) String attributedBy,
        IncidentCasualties casualties,
        List<IncidentDamage> damage,
        List<IncidentWeaponCount> weaponsLaunched,
        List<String> consequences,
        List<Source> sources,
        Instant createdAt,
        Instant updatedAt) {
}
