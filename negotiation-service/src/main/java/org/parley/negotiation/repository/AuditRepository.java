package org.parley.negotiation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.Page;
import org.parley.negotiation.model.AuditEntry;

import java.time.Instant;
import java.util.UUID;

/** Reads the audit trail (written by {@code service.AuditTrail}), newest first. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    /** Every filter is optional; {@code since} is inclusive and {@code until} exclusive. */
    public record Filter(UUID entityId, String entityType, String subject, Instant since, Instant until) {
    }

    public Page<AuditEntry> list(Filter filter, int page, int size) {
        return ListQuery.from("AuditEntry", "a")
                .where("a.entityId = :entity", "entity", filter.entityId())
                .where("a.entityType = :type", "type", filter.entityType())
                .where("a.subject = :subject", "subject", filter.subject())
                .where("a.occurredAt >= :since", "since", filter.since())
                .where("a.occurredAt < :until", "until", filter.until())
                .page(this, "a.occurredAt desc, a.eventId", page, size);
    }
}
