package org.parley.negotiation.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** A party as party-service last published it. Written only by the party-copy consumer, read here. */
@Entity
@Immutable
@Table(name = "known_party")
public class KnownParty extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String kind;

    public String isoCode;

    public String conflictRole;

    public boolean removed;

    @Column(nullable = false)
    public Instant sourceUpdatedAt;

    @Column(nullable = false)
    public Instant appliedAt;
}
