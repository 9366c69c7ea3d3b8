package org.parley.negotiation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Words an envoy said, verbatim, with where they were reported. */
@Entity
@Table(name = "statement")
public class Statement extends TrackedEntity {

    @Column(nullable = false)
    public UUID negotiationId;

    @Column(nullable = false)
    public UUID envoyId;

    /** The envoy's party when the statement was recorded. */
    @Column(nullable = false)
    public UUID partyId;

    public UUID meetingId;

    public UUID proposalId;

    @Column(nullable = false)
    public String quote;

    public LocalDate saidOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DatePrecision saidOnPrecision;

    public String saidOnAsReported;

    public String context;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Source> sources = new ArrayList<>();
}
