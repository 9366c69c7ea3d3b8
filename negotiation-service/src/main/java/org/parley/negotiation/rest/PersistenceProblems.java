package org.parley.negotiation.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.parley.api.ApiException;
import org.parley.api.ProblemMappers;

/**
 * The database's own refusals, for the cases the service's checks cannot close: a unique key taken by a
 * concurrent write (409) and a value PostgreSQL will not store (400). Both roll the transaction back.
 */
public class PersistenceProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response uniqueOrReference(ConstraintViolationException e, UriInfo uri) {
        return problems.api(ApiException.conflict("Another write changed the same data at the same time ("
                + (e.getConstraintName() == null ? "a constraint" : e.getConstraintName()) + "); read it again and retry"), uri);
    }

    @ServerExceptionMapper
    public Response unstorable(DataException e, UriInfo uri) {
        return problems.api(ApiException.badRequest("A value cannot be stored: "
                + (e.getSQLException() == null ? "out of range" : e.getSQLException().getMessage().split("\n")[0])), uri);
    }
}
