package org.parley.negotiation.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.negotiation.model.ParticipantRole;

import java.util.UUID;

@Schema(name = "NegotiatingParty", description = "A party taking part in a negotiation (a party id from party-service) and its role in it")
public record NegotiatingParty(
        @Schema(required = true) @NotNull UUID partyId,
        @Schema(required = true, examples = "principal") @NotNull ParticipantRole role) {
}
