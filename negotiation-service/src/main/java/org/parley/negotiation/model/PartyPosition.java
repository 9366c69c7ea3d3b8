package org.parley.negotiation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The current stance of one party on one clause, or on a whole proposal when clauseId is null. */
@Entity
@Table(name = "party_position")
public class PartyPosition extends TrackedEntity {

    @Column(nullable = false)
    public UUID negotiationId;

    @Column(nullable = false)
    public UUID proposalId;

    public UUID clauseId;

    @Column(nullable = false)
    public UUID partyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PositionStatus status;

    public String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Source> sources = new ArrayList<>();

    /** Proposal level only: the clauses the stance is about, when known; null means undisclosed. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<UUID> affectedClauseIds;

    @Column(nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String recordedBy;

    public boolean onProposal() {
        return clauseId == null;
    }
}
