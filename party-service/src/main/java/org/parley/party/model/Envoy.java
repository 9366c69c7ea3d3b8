package org.parley.party.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.parley.api.ChangeKey;
import org.parley.api.Changed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A person who acts or speaks for a party, for the span of a mandate. */
@Entity
@Table(name = "envoy")
public class Envoy extends PanacheEntityBase implements Changed {

    @Id
    public UUID id;

    /** A plain id rather than an association: events and the API speak in ids, and nothing here needs the party loaded. */
    @Column(name = "party_id", nullable = false)
    public UUID partyId;

    @Column(name = "full_name", nullable = false, length = 200)
    public String fullName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> aliases = new ArrayList<>();

    @Column(length = 200)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public EnvoyRole role;

    @Column(name = "mandate_from")
    public LocalDate mandateFrom;

    @Column(name = "mandate_to")
    public LocalDate mandateTo;

    @Column(name = "mandate_end_reason", length = 500)
    public String mandateEndReason;

    /** The full name and each alias, normalised (see repository.NameSearch, which keeps it in step): what a name search is checked against. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "search_names", nullable = false, columnDefinition = "text[]")
    public List<String> searchNames = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    public boolean activeOn(LocalDate day) {
        return (mandateFrom == null || !mandateFrom.isAfter(day)) && (mandateTo == null || !mandateTo.isBefore(day));
    }

    /**
     * A mandate cannot end before it starts; an unknown start or end leaves nothing to compare. The one rule
     * behind the check of a whole envoy sent by a client and of a mandate ended later against the stored start.
     */
    public static boolean mandateInOrder(LocalDate from, LocalDate to) {
        return from == null || to == null || !to.isBefore(from);
    }

    /** The transaction that last wrote the row (set by the database): the sync walk's order. */
    @Column(name = "change_xid", insertable = false, updatable = false)
    public long changeXid;

    @Override
    public ChangeKey changeKey() {
        return new ChangeKey(changeXid, id.toString());
    }
}
