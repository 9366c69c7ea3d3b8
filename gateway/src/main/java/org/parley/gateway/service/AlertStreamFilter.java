package org.parley.gateway.service;

import org.parley.events.alert.AlertSeverity;

import java.util.Optional;
import java.util.UUID;

/** What one client of the stream asked for; an empty field matches every alert. */
public record AlertStreamFilter(Optional<UUID> negotiation, Optional<UUID> party, Optional<AlertSeverity> minimumSeverity) {

    public static final AlertStreamFilter ALL = new AlertStreamFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean matches(AlertStreamAlert alert) {
        return negotiation.map(id -> id.equals(alert.negotiationId())).orElse(true)
                && party.map(id -> alert.partyIds().contains(id)).orElse(true)
                // A severity this build does not know cannot be ranked, so it only reaches unfiltered clients.
                && minimumSeverity.map(min -> alert.severity() != null && alert.severity().atLeast(min)).orElse(true);
    }
}
