package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Statement", description = "A quote by an envoy, verbatim, with its sources")
public record StatementView(
        UUID id,
        UUID negotiationId,
        UUID envoyId,
        @Schema(description = "The envoy's name, from the local copy of party-service's envoys")
        String envoyName,
        @Schema(description = "The party the envoy spoke for when the statement was recorded")
        UUID partyId,
        @Schema(nullable = true) UUID meetingId,
        @Schema(nullable = true) UUID proposalId,
        String quote,
        @Schema(description = "The day it was said; null when not reported", nullable = true)
        LocalDate saidOn,
        DatePrecision saidOnPrecision,
        @Schema(nullable = true) String saidOnAsReported,
        @Schema(nullable = true) String context,
        List<Source> sources,
        Instant createdAt,
        Instant updatedAt) {
}
