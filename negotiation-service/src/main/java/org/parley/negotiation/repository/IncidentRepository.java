package org.parley.negotiation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.negotiation.model.Incident;

import java.util.UUID;

@ApplicationScoped
public class IncidentRepository implements PanacheRepositoryBase<Incident, UUID> {

    /** One page of incidents and the total that match, in two queries on the indexed columns. */
    public Page<Incident> search(IncidentFilter filter, PageRequest request) {
        ListQuery query = filter.query();
        return query.page(Incident.class, request, filter.sort(), () -> query.datedOrder("occurredOn", filter.sort()), "incident");
    }
}
