package org.parley.negotiation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.negotiation.model.Incident;

import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /** One page of incidents and the total that match, in two queries on the indexed columns. */
    public Page<Incident> search(IncidentFilter filter, PageRequest request) {
        ListQuery query = ListQuery.from("Incident", "i")
                .where("i.negotiationId = :negotiation", "negotiation", filter.negotiationId())
                .where("i.attributedToPartyId = :party", "party", filter.attributedToPartyId())
                .where("i.kind = :kind", "kind", filter.kind())
                .where("lower(i.region) = :region", "region", filter.region() == null ? null : filter.region().strip().toLowerCase(Locale.ROOT))
                .where("lower(i.city) = :city", "city", filter.city() == null ? null : filter.city().strip().toLowerCase(Locale.ROOT))
                .where("i.occurredOn >= :from", "from", filter.from())
                .where("i.occurredOn <= :to", "to", filter.to())
                .where("i.updatedAt >= :updatedSince", "updatedSince", filter.updatedSince());
        return query.page(Incident.class, request, filter.sort(), () -> query.datedOrder("occurredOn", filter.sort()), "incident");
    }
}
