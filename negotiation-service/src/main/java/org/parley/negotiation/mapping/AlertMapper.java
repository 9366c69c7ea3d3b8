package org.parley.negotiation.mapping;

import org.parley.negotiation.model.Alert;
import org.parley.negotiation.rest.AlertView;

import java.util.List;

/** Alert → API representation; party ids sorted, causes in the order the rule named them. */
public final class AlertMapper {

    private AlertMapper() {
    }

    public static AlertView toView(Alert a) {
        return new AlertView(a.id, a.negotiationId, a.rule, a.severity, a.summary, a.partyIds.stream().sorted().toList(),
                List.copyOf(a.causeEventIds), a.causes.stream().map(c -> new AlertView.Cause(c.kind(), c.id())).toList(),
                a.occurredAt, a.raisedAt);
    }
}
