package org.parley.negotiation.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An envoy as party-service last published it. Written only by the party-copy consumer, read here. */
@Entity
@Immutable
@Table(name = "known_envoy")
public class KnownEnvoy extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID partyId;

    @Column(nullable = false)
    public String fullName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> aliases;

    public String title;

    public String role;

    public LocalDate mandateFrom;

    public LocalDate mandateTo;

    @Column(nullable = false)
    public Instant sourceUpdatedAt;

    @Column(nullable = false)
    public Instant appliedAt;
}
