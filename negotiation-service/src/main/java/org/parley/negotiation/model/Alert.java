package org.parley.negotiation.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.parley.api.ChangeKey;
import org.parley.api.Changed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Something a policy desk wants to be told, raised by a rule in AlertRules. Written once, never changed. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase implements Changed {

    /** A thing the alert is about: its kind (position, clause, proposal, meeting, envoy, incident) and id. */
    public record Cause(String kind, UUID id) {
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID negotiationId;

    @Column(nullable = false)
    public String rule;

    /** The wire name: info, notice, warning or critical. */
    @Column(nullable = false)
    public String severity;

    @Column(nullable = false)
    public short severityRank;

    @Column(nullable = false)
    public String summary;

    @ElementCollection
    @CollectionTable(name = "alert_party", joinColumns = @JoinColumn(name = "alert_id"))
    @Column(name = "party_id")
    public Set<UUID> partyIds = new HashSet<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> causeEventIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Cause> causes = new ArrayList<>();

    @Column(nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public Instant raisedAt;

    @Version
    public long version;

    /** The transaction that last wrote the row (set by the database): the sync walk's order. */
    @Column(name = "change_xid", insertable = false, updatable = false)
    public long changeXid;

    @Override
    public ChangeKey changeKey() {
        return new ChangeKey(changeXid, id.toString());
    }
}
