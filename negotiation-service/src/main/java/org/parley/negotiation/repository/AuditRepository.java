package org.parley.negotiation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.api.Pager;
import org.parley.negotiation.model.AuditEntry;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Reads the audit trail (written by {@code service.AuditTrail}), newest first. */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, UUID> {

    /** Every filter is optional; {@code since} is inclusive and {@code until} exclusive. */
    public record Filter(UUID entityId, String entityType, String subject, Instant since, Instant until) {
    }

    public Page<AuditEntry> list(Filter filter, String sort, PageRequest request) {
        ListQuery query = ListQuery.from("AuditEntry", "a").identifiedBy("eventId")
                .where("a.entityId = :entity", "entity", filter.entityId())
                .where("a.entityType = :type", "type", filter.entityType())
                .where("a.subject = :subject", "subject", filter.subject())
                .where("a.occurredAt >= :since", "since", filter.since())
                .where("a.occurredAt < :until", "until", filter.until())
;
        // Entries are only appended, never changed or deleted.
        return query.page(AuditEntry.class, request, sort, () -> query.order(sort, Map.of("occurredAt", "occurredAt")),
                new Pager.ChangeColumns("a.changeXid", "a.eventId", UUID::fromString, null));
    }
}
