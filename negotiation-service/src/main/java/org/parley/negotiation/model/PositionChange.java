package org.parley.negotiation.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.parley.api.ChangeKey;
import org.parley.api.Changed;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of a position's timeline. Rows are only ever appended. */
@Entity
@Immutable
@Table(name = "position_change")
public class PositionChange extends PanacheEntityBase implements Changed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID positionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PositionStatus status;

    @Enumerated(EnumType.STRING)
    public PositionStatus previousStatus;

    public String note;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Source> sources;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<UUID> affectedClauseIds;

    @Column(nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String recordedBy;

    @Column(nullable = false)
    public Instant createdAt;

    /** The transaction that last wrote the row (set by the database): the sync walk's order. */
    @Column(name = "change_xid", insertable = false, updatable = false)
    public long changeXid;

    @Override
    public ChangeKey changeKey() {
        return new ChangeKey(changeXid, id.toString());
    }
}
