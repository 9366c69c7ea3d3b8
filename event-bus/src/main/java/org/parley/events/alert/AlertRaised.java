package org.parley.events.alert;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.parley.events.EventType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@EventType("org.parley.alert.raised.v1")
@JsonClassDescription("Something a policy desk wants to be told, with links to the events that caused it.")
public record AlertRaised(
        UUID alertId,
        UUID negotiationId,
        @JsonPropertyDescription("The rule that fired, e.g. position_rejected, clause_consensus_reached, "
                + "proposal_status_changed, meeting_held, envoy_replaced, civilians_killed; docs/alerts.md lists them all.")
        String rule,
        @JsonPropertyDescription("How urgent: info, notice, warning or critical, lowest first (AlertSeverity).")
        String severity,
        @JsonPropertyDescription("One line, for a notification.")
        String summary,
        List<UUID> partyIds,
        @JsonPropertyDescription("The CloudEvents ids of the events that caused the alert.")
        List<String> causeEventIds,
        Instant occurredAt) implements AlertEvent {

    @Override
    public String subject() {
        return alertId.toString();
    }

    @Override
    public String partitionKey() {
        return negotiationId.toString();
    }
}
