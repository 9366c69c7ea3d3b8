package org.parley.negotiation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.parley.api.Page;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the audit trail (written by {@code service.AuditTrail}), newest first. */
@ApplicationScoped
public class AuditRepository {

    /** Every filter is optional; {@code since} is inclusive and {@code until} exclusive. */
    public record Filter(UUID entityId, String entityType, String subject, Instant since, Instant until) {
    }

    public record Row(UUID eventId, Instant occurredAt, String subject, String reason, String action, String service,
                      String entityType, UUID entityId, UUID negotiationId, String entityPath, String historyPath) {
    }

    @Inject
    EntityManager em;

    public Page<Row> list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> parameters = new ArrayList<>();
        condition(where, parameters, " AND entity_id = ?", filter.entityId());
        condition(where, parameters, " AND entity_type = ?", filter.entityType());
        condition(where, parameters, " AND subject = ?", filter.subject());
        condition(where, parameters, " AND occurred_at >= ?", filter.since() == null ? null : Timestamp.from(filter.since()));
        condition(where, parameters, " AND occurred_at < ?", filter.until() == null ? null : Timestamp.from(filter.until()));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM audit_entry" + where)) {
                bind(count, parameters);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    total = result.getLong(1);
                }
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT event_id, occurred_at, subject, reason, action, service, entity_type, entity_id, negotiation_id,
                           entity_path, history_path
                    FROM audit_entry""" + where + " ORDER BY occurred_at DESC, event_id LIMIT ? OFFSET ?")) {
                int next = bind(select, parameters);
                select.setInt(next, size);
                select.setLong(next + 1, (long) page * size);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getObject(1, UUID.class), result.getTimestamp(2).toInstant(), result.getString(3),
                                result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                                result.getObject(8, UUID.class), result.getObject(9, UUID.class), result.getString(10), result.getString(11)));
                    }
                }
            }
            return Page.of(rows, page, size, total);
        });
    }

    private static void condition(StringBuilder where, List<Object> parameters, String sql, Object value) {
        if (value != null) {
            where.append(sql);
            parameters.add(value);
        }
    }

    private static int bind(PreparedStatement statement, List<Object> parameters) throws java.sql.SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return parameters.size() + 1;
    }
}
