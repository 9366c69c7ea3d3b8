package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.negotiation.model.Incident;
import org.parley.negotiation.model.Meeting;
import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.model.PositionChange;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Source;
import org.parley.negotiation.model.Statement;
import org.parley.negotiation.repository.ExportRepository;
import org.parley.negotiation.repository.IncidentFilter;
import org.parley.negotiation.repository.ListQuery;
import org.parley.negotiation.repository.MeetingFilter;
import org.parley.negotiation.repository.PositionFilter;
import org.parley.negotiation.repository.StatementFilter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Bulk export: every record a list's filter matches, handed one at a time to a sink (which writes it to the
 * response), never collected. The filters are the lists' own ({@link PositionFilter}, ...), so an export
 * holds exactly what walking its list would. Each export has a fixed order, documented in docs/api.md.
 */
@ApplicationScoped
public class ExportService {

    /** A change of a position's timeline, with where that position stands: the columns an analyst filters and joins on. */
    public record PositionChangeInContext(PositionChange change, UUID negotiationId, UUID proposalId, UUID clauseId, UUID partyId) {
    }

    @Inject
    ExportRepository rows;

    public long positions(PositionFilter filter, Consumer<PartyPosition> sink) {
        ListQuery query = filter.positions();
        return rows.scroll("select p " + query.jpql() + " order by p.updatedAt, p.id", query.parameters(), PartyPosition.class, sink);
    }

    /** Every change of the positions the filter places; its status and updatedSince apply to each change (its createdAt). */
    public long positionChanges(PositionFilter filter, Consumer<PositionChangeInContext> sink) {
        ListQuery query = filter.placement(ListQuery.from("PartyPosition", "p"))
                .where("h.status = :status", "status", filter.status())
                .where("h.createdAt >= :updatedSince", "updatedSince", filter.updatedSince());
        // The change's attributes rather than the entity: Hibernate's stateless session cannot hydrate an @Immutable
        // entity in a multi-select (ClassCastException "session is not an EventSource"), and plain values are cheaper.
        String hql = "select h.id, h.positionId, h.status, h.previousStatus, h.note, h.sources, h.affectedClauseIds, h.recordedAt, h.recordedBy,"
                + " h.createdAt, p.negotiationId, p.proposalId, p.clauseId, p.partyId"
                + " from PositionChange h join PartyPosition p on p.id = h.positionId" + query.conditions() + " order by h.id";
        return rows.scroll(hql, query.parameters(), Object[].class, row -> sink.accept(
                new PositionChangeInContext(change(row), (UUID) row[10], (UUID) row[11], (UUID) row[12], (UUID) row[13])));
    }

    @SuppressWarnings("unchecked")
    private static PositionChange change(Object[] row) {
        PositionChange change = new PositionChange();
        change.id = (Long) row[0];
        change.positionId = (UUID) row[1];
        change.status = (PositionStatus) row[2];
        change.previousStatus = (PositionStatus) row[3];
        change.note = (String) row[4];
        change.sources = (List<Source>) row[5];
        change.affectedClauseIds = (List<UUID>) row[6];
        change.recordedAt = (Instant) row[7];
        change.recordedBy = (String) row[8];
        change.createdAt = (Instant) row[9];
        return change;
    }

    public long meetings(MeetingFilter filter, Consumer<Meeting> sink) {
        ListQuery query = filter.query();
        return rows.scroll("select m " + query.jpql() + " order by m.startsAt asc nulls last, m.id", query.parameters(), Meeting.class, m -> {
            rows.fetch(m.participantEnvoyIds);
            rows.fetch(m.partyIds);
            rows.fetch(m.discussedProposalIds);
            rows.fetch(m.discussedClauseIds);
            sink.accept(m);
        });
    }

    public long statements(StatementFilter filter, Consumer<StatementByEnvoy> sink) {
        ListQuery query = filter.query();
        String hql = "select s, e.fullName from Statement s left join KnownEnvoy e on e.id = s.envoyId"
                + query.conditions() + " order by " + query.datedOrder("saidOn", filter.sort());
        return rows.scroll(hql, query.parameters(), Object[].class, row -> sink.accept(new StatementByEnvoy((Statement) row[0], (String) row[1])));
    }

    public long incidents(IncidentFilter filter, Consumer<Incident> sink) {
        ListQuery query = filter.query();
        return rows.scroll("select i " + query.jpql() + " order by " + query.datedOrder("occurredOn", filter.sort()),
                query.parameters(), Incident.class, sink);
    }
}
