package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.IncidentDamage;
import org.parley.negotiation.model.IncidentKind;
import org.parley.negotiation.model.IncidentWeaponCount;
import org.parley.negotiation.model.Source;
import org.parley.negotiation.model.TimelineDatePrecision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Incident", description = "An event on the ground as reported, with its sources")
public record IncidentView(
        UUID id,
        UUID negotiationId,
        @Schema(description = "The day it happened; null when not reported")
        LocalDate occurredOn,
        TimelineDatePrecision datePrecision,
        String dateAsReported,
        IncidentPlace place,
        IncidentKind kind,
        String weapons,
        String description,
        UUID attributedToPartyId,
        String attributedBy,
        IncidentCasualties casualties,
        List<IncidentDamage> damage,
        List<IncidentWeaponCount> weaponsLaunched,
        List<String> consequences,
        List<Source> sources,
        Instant createdAt,
        Instant updatedAt) {
}
