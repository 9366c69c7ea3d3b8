package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "AuditEntry", description = "One change to Parley: who made it, when, why, and to what")
public record AuditEntryView(
        @Schema(required = true, description = "The id of the event that reported the change (CloudEvents id)") UUID eventId,
        @Schema(required = true, description = "When the change was made") Instant occurredAt,
        @Schema(required = true, nullable = true, description = "The subject of the access token that made the change; null for changes made before access control",
                examples = "dev-analyst") String subject,
        @Schema(required = true, nullable = true, description = "The reason given in X-Change-Reason; null when none") String reason,
        @Schema(required = true, description = "What happened: the CloudEvents type of the change", examples = "org.parley.position.recorded.v1") String action,
        @Schema(required = true, description = "The service that made the change", examples = "parley/negotiation-service") String service,
        @Schema(required = true, description = "party, envoy, negotiation, meeting, proposal, clause, position, statement or incident") String entityType,
        @Schema(required = true) UUID entityId,
        @Schema(required = true, nullable = true, description = "The negotiation it belongs to; null for parties, envoys and incidents outside talks") UUID negotiationId,
        @Schema(required = true) AuditLinks links) {

    @Schema(name = "AuditLinks")
    public record AuditLinks(
            @Schema(required = true, description = "The entity as it is now", examples = "/api/v1/proposals/6f1c3a52-6a7d-4c1e-9f9e-2b1d4f7c8a10") String entity,
            @Schema(required = true, description = "Its history: every change to a position, else the audit entries of the entity") String history) {
    }
}
