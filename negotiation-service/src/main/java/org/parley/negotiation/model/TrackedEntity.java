package org.parley.negotiation.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.parley.api.ChangeKey;
import org.parley.api.Changed;

import java.time.Instant;
import java.util.UUID;

/**
 * What every record the API serves carries: its id, when it was created and last changed (for
 * {@code updated_since}), and the version behind its ETag, which {@code @Version} also enforces
 * for two writers racing with the same ETag.
 */
@MappedSuperclass
public abstract class TrackedEntity extends PanacheEntityBase implements Changed {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

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
