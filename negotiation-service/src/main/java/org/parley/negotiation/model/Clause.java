package org.parley.negotiation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "clause")
public class Clause extends TrackedEntity {

    @Column(nullable = false)
    public UUID proposalId;

    /** 1-based place in the proposal; the API calls it position. */
    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String label;

    public String heading;

    /** Null when the text is not public. */
    public String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClauseTopic topic;

    public UUID derivedFromClauseId;
}
