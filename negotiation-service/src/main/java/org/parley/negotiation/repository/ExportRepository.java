package org.parley.negotiation.repository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;
import org.parley.negotiation.config.ExportConfig;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an export in constant memory: a stateless session (no persistence context that grows with every row)
 * scrolls a forward-only database cursor, fetching {@code parley.export.fetch-size} rows per round trip.
 * PostgreSQL's driver only uses a cursor inside a transaction, so each export runs in one of its own, which
 * also gives the whole export one consistent snapshot.
 */
@ApplicationScoped
public class ExportRepository {

    @Inject
    StatelessSession session;

    @Inject
    ExportConfig config;

    /** Hands each row of {@code hql} to {@code sink} as the cursor yields it; returns how many there were. */
    public <R> long scroll(String hql, Map<String, Object> parameters, Class<R> type, Consumer<R> sink) {
        return QuarkusTransaction.requiringNew().timeout((int) config.timeout().toSeconds()).call(() -> {
            SelectionQuery<R> query = session.createSelectionQuery(hql, type).setFetchSize(config.fetchSize());
            parameters.forEach(query::setParameter);
            long count = 0;
            try (ScrollableResults<R> rows = query.scroll(ScrollMode.FORWARD_ONLY)) {
                while (rows.next()) {
                    sink.accept(rows.get());
                    count++;
                }
            }
            return count;
        });
    }

    /** Loads a lazy collection of an entity read by {@link #scroll}; a stateless session never loads one by itself. */
    public void fetch(Object association) {
        session.fetch(association);
    }
}
