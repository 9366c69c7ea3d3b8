package org.parley.party.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.parley.api.ChangeKey;
import org.parley.api.Changed;

import java.time.Instant;
import java.util.UUID;

/** A state, bloc, international organisation or non-state actor taking part in, or around, the talks. */
@Entity
@Table(name = "party")
public class Party extends PanacheEntityBase implements Changed {

    public static final String SLUG_PATTERN = "^[a-z][a-z0-9-]{1,31}$";
    /** ISO 3166-1 alpha-2 ({@code UA}) or alpha-3 ({@code UKR}); only the format is checked, not the register. */
    public static final String ISO_CODE_PATTERN = "^[A-Z]{2,3}$";

    @Id
    public UUID id;

    @Column(nullable = false, length = 32)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public PartyKind kind;

    @Column(name = "iso_code", length = 3)
    public String isoCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "conflict_role", nullable = false, length = 32)
    public ConflictRole conflictRole;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Served as the ETag; Hibernate checks it on every write so that two concurrent updates cannot both win. */
    @Version
    @Column(nullable = false)
    public long version;

    /** The transaction that last wrote the row (set by the database): the sync walk's order. */
    @Column(name = "change_xid", insertable = false, updatable = false)
    public long changeXid;

    @Override
    public ChangeKey changeKey() {
        return new ChangeKey(changeXid, id.toString());
    }
}
