package org.parley.negotiation.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

@Entity
@Table(name = "negotiation")
public class Negotiation extends TrackedEntity {

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NegotiationStatus status;

    public LocalDate startedOn;

    public LocalDate endedOn;

    @ElementCollection
    @CollectionTable(name = "negotiation_party", joinColumns = @JoinColumn(name = "negotiation_id"))
    public Set<Participation> parties = new HashSet<>();
}
