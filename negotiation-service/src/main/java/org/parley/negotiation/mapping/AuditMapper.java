package org.parley.negotiation.mapping;

import org.parley.negotiation.model.AuditEntry;
import org.parley.negotiation.rest.AuditEntryView;

/** An audit trail entry → API representation. */
public final class AuditMapper {

    private AuditMapper() {
    }

    public static AuditEntryView toView(AuditEntry e) {
        return new AuditEntryView(e.eventId, e.occurredAt, e.subject, e.reason, e.action, e.service, e.entityType, e.entityId,
                e.negotiationId, new AuditEntryView.AuditLinks(e.entityPath, e.historyPath));
    }
}
