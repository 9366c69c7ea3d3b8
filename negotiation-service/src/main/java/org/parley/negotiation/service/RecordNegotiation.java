package org.parley.negotiation.service;

import org.parley.negotiation.model.NegotiationStatus;
import org.parley.negotiation.model.ParticipantRole;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Start tracking a negotiation, or replace what is known of one: its title, status (null: active), dates and
 * the parties taking part.
 */
public record RecordNegotiation(String title, NegotiationStatus status, LocalDate startedOn, LocalDate endedOn,
                                List<Participant> parties) {

    public record Participant(UUID partyId, ParticipantRole role) {
    }
}
