package org.parley.negotiation.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.negotiation.model.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StatementRepository implements PanacheRepositoryBase<Statement, UUID> {

    /** One page of statements and the total that match, in two queries on the indexed columns. */
    public Page<Statement> search(StatementFilter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.negotiationId() != null) {
            where.add("negotiationId = :negotiation");
            params.and("negotiation", filter.negotiationId());
        }
        if (filter.envoyId() != null) {
            where.add("envoyId = :envoy");
            params.and("envoy", filter.envoyId());
        }
        if (filter.partyId() != null) {
            where.add("partyId = :party");
            params.and("party", filter.partyId());
        }
        if (filter.meetingId() != null) {
            where.add("meetingId = :meeting");
            params.and("meeting", filter.meetingId());
        }
        if (filter.proposalId() != null) {
            where.add("proposalId = :proposal");
            params.and("proposal", filter.proposalId());
        }
        if (filter.from() != null) {
            where.add("saidOn >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("saidOn <= :to");
            params.and("to", filter.to());
        }
        if (filter.updatedSince() != null) {
            where.add("updatedAt >= :updatedSince");
            params.and("updatedSince", filter.updatedSince());
        }
        String order = order(filter.sort());
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by " + order;
        PanacheQuery<Statement> found = find(query, params);
        long total = found.count();
        List<Statement> items = total == 0 ? List.of() : found.page(page, size).list();
        return Page.of(items, page, size, total);
    }

    /**
     * The sort vocabulary; the default is saidOn, oldest first. Undated rows go last whichever way the list
     * runs, since they cannot be placed among the dated ones; the id ends every order so that pages never overlap.
     */
    static String order(String requested) {
        String value = requested == null || requested.isBlank() ? "saidOn" : requested.strip();
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        String direction = descending ? " desc" : " asc";
        return switch (field) {
            case "saidOn" -> "saidOn" + direction + " nulls last, createdAt" + direction + ", id" + direction;
            case "createdAt", "updatedAt" -> field + direction + ", id" + direction;
            default -> throw new ApiException(400, "bad-request", "Bad request",
                    "sort '" + requested + "' is not supported; allowed: saidOn, -saidOn, createdAt, -createdAt, updatedAt, -updatedAt");
        };
    }
}
