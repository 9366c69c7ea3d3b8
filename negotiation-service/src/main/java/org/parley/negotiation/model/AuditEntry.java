package org.parley.negotiation.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.parley.api.ChangeKey;
import org.parley.api.Changed;

import java.time.Instant;
import java.util.UUID;

/**
 * One change to Parley, as the audit trail keeps it. Rows are written by {@code service.AuditTrail} on the
 * connection of the change's own transaction (with its event) and never changed; this mapping only reads them.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry implements Changed {

    @Id
    public UUID eventId;

    @Column(nullable = false)
    public Instant occurredAt;

    /** Null for events written before access control. */
    public String subject;

    public String reason;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String entityType;

    @Column(nullable = false)
    public UUID entityId;

    public UUID negotiationId;

    @Column(nullable = false)
    public String entityPath;

    @Column(nullable = false)
    public String historyPath;

    /** The transaction that last wrote the row (set by the database): the sync walk's order. */
    @Column(name = "change_xid", insertable = false, updatable = false)
    public long changeXid;

    @Override
    public ChangeKey changeKey() {
        return new ChangeKey(changeXid, eventId.toString());
    }
}
