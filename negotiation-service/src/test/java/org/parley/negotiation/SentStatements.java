package org.parley.negotiation;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The SQL Hibernate sends, as it sends it, so that a test can ask PostgreSQL for the plan of the real statement. */
@PersistenceUnitExtension
@ApplicationScoped
public class SentStatements implements StatementInspector {

    private static final int KEPT = 500;
    private static final Deque<String> RECENT = new ConcurrentLinkedDeque<>();

    @Override
    public String inspect(String sql) {
        RECENT.addLast(sql);
        while (RECENT.size() > KEPT) {
            RECENT.pollFirst();
        }
        return sql;
    }

    static void clear() {
        RECENT.clear();
    }

    /** The statements sent since {@link #clear()} that contain every one of {@code parts}. */
    static List<String> containing(String... parts) {
        List<String> found = new ArrayList<>();
        for (String sql : RECENT) {
            boolean all = true;
            for (String part : parts) {
                all &= sql.contains(part);
            }
            if (all) {
                found.add(sql);
            }
        }
        return found;
    }
}
