package org.parley.events.alert;

import org.parley.events.ParleyEvent;

/** Alerts for policy desks, on {@code parley.alerts.v1}, keyed by the negotiation they concern. */
public sealed interface AlertEvent extends ParleyEvent permits AlertRaised {
}
