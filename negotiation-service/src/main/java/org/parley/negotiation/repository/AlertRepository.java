package org.parley.negotiation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.PageRequest;
import org.parley.negotiation.model.Alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Stored alerts, newest first unless asked otherwise. */
@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    /** API sort names, mapped to attributes. */
    public static final Map<String, String> SORTS = Map.of("occurredAt", "occurredAt", "raisedAt", "raisedAt", "severity", "severityRank");

    /** Filters left null select everything. */
    public record Filter(UUID negotiation, UUID party, Short minimumSeverityRank, String rule, Instant since, Instant updatedSince) {
    }

    public org.parley.api.Page<Alert> list(Filter filter, String sort, PageRequest request) {
        ListQuery query = ListQuery.from("Alert", "a")
                .where("a.negotiationId = :negotiation", "negotiation", filter.negotiation())
                .where(":party member of a.partyIds", "party", filter.party())
                .where("a.severityRank >= :minimum", "minimum", filter.minimumSeverityRank())
                .where("a.rule = :rule", "rule", filter.rule())
                .where("a.occurredAt >= :since", "since", filter.since())
                // Alerts never change, so "updated" is when it was raised; inclusive, like every updated_since.
                .where("a.raisedAt >= :updatedSince", "updatedSince", filter.updatedSince());
        return query.page(Alert.class, request, sort, () -> query.order(sort, SORTS), "alert");
    }
}
