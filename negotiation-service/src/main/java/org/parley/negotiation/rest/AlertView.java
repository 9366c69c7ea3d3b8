package org.parley.negotiation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Alert", description = "Something a policy desk wants to be told, raised by a rule when a change is written; "
        + "the same alert is published to parley.alerts.v1 and streamed at /api/v1/alerts/stream")
public record AlertView(
        UUID id,
        UUID negotiationId,
        @Schema(description = "The rule that fired; see docs/alerts.md", examples = "position_rejected")
        String rule,
        @Schema(ref = "AlertSeverity", description = "How urgent")
        String severity,
        @Schema(description = "One line in plain English", examples = "Russia rejected clause 7 (Territory) of the U.S. peace proposal v1")
        String summary,
        @Schema(description = "The parties the alert is about")
        List<UUID> partyIds,
        @Schema(description = "The CloudEvents ids of the events that caused it (on parley.negotiations.v1 or parley.parties.v1)")
        List<String> causeEventIds,
        @Schema(description = "The things it is about: positions, clauses, proposals, meetings, envoys, incidents")
        List<Cause> causes,
        @Schema(description = "When the change that caused it happened")
        Instant occurredAt,
        @Schema(description = "When the alert was raised")
        Instant raisedAt) {

    @Schema(name = "AlertCause", description = "A thing an alert is about")
    public record Cause(
            @Schema(enumeration = {"position", "clause", "proposal", "meeting", "envoy", "incident"}) String kind,
            UUID id) {
    }
}
