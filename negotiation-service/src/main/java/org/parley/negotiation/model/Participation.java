package org.parley.negotiation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;
import java.util.UUID;

/** A party taking part in a negotiation, and in which role. */
@Embeddable
public class Participation {

    @Column(name = "party_id", nullable = false)
    public UUID partyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantRole role;

    public Participation() {
    }

    public Participation(UUID partyId, ParticipantRole role) {
        this.partyId = partyId;
        this.role = role;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Participation other && Objects.equals(partyId, other.partyId) && role == other.role;
    }

    @Override
    public int hashCode() {
        return Objects.hash(partyId, role);
    }
}
