package org.parley.events.alert;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How urgently a policy desk should look at an alert, lowest first. On the wire (the {@code severity} of
 * {@link AlertRaised}, the REST API, the live stream) it is the lower-case name. The order is part of the
 * contract: a "minimum severity" filter keeps this severity and every one after it.
 */
public enum AlertSeverity {
    /** Worth knowing: a meeting was scheduled or held, an envoy appointed. */
    INFO,
    /** Movement in the talks: a proposal's status changed, consensus on a clause, a meeting cancelled. */
    NOTICE,
    /** A setback: a party rejected a clause, consensus was lost, a proposal was rejected or withdrawn. */
    WARNING,
    /** Someone was killed: an incident with civilian deaths. */
    CRITICAL;

    /** The wire name, e.g. {@code warning}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is {@code minimum} or more urgent. */
    public boolean atLeast(AlertSeverity minimum) {
        return compareTo(minimum) >= 0;
    }

    /** The severity with this wire name, or empty for anything else (including a severity from a newer producer). */
    public static Optional<AlertSeverity> ofWireName(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst();
    }

    /** The allowed wire names, for error messages: {@code info, notice, warning, critical}. */
    public static String allowed() {
        return Arrays.stream(values()).map(AlertSeverity::wireName).collect(Collectors.joining(", "));
    }
}
