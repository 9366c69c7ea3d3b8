package org.parley.negotiation.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.negotiation.model.Statement;

import java.util.UUID;

@ApplicationScoped
public class StatementRepository implements PanacheRepositoryBase<Statement, UUID> {

    /** One page of statements and the total that match, in two queries on the indexed columns. */
    public Page<Statement> search(StatementFilter filter, PageRequest request) {
        ListQuery query = filter.query();
        return query.page(Statement.class, request, filter.sort(), () -> query.datedOrder("saidOn", filter.sort()), "statement");
    }
}
