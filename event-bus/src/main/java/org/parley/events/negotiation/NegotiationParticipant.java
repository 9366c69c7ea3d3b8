package org.parley.events.negotiation;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.UUID;

@JsonClassDescription("A party taking part in a negotiation.")
public record NegotiationParticipant(
        UUID partyId,
        @JsonPropertyDescription("principal, mediator or observer.")
        String role) {
}
