package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.NegotiationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Negotiation", description = "A negotiation: its title, status, dates and the parties taking part")
public record NegotiationView(UUID id, String title, NegotiationStatus status, @Schema(nullable = true) LocalDate startedOn, @Schema(nullable = true) LocalDate endedOn,
                              List<NegotiatingParty> parties, Instant createdAt, Instant updatedAt) {
}
