package org.parley.gateway.service;

import org.parley.events.alert.AlertSeverity;

import java.util.List;
import java.util.UUID;

/**
 * An alert as the stream needs it: the fields clients filter on, and the alert's JSON exactly as it was
 * published (the CloudEvent's data), which is what clients receive.
 *
 * @param severity {@code null} for a severity this gateway does not know, from a newer producer
 */
public record AlertStreamAlert(String eventId, UUID negotiationId, List<UUID> partyIds, AlertSeverity severity, String json) {
}
