package org.parley.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pages every list of both services, in one of two ways:
 * <ul>
 *   <li>an ordinary sort ({@code sort=name}, {@code -updatedAt}, ...): by offset, fetching one row more than
 *       the page to know whether there is a next one;</li>
 *   <li>the sync walk, {@code sort=changes}: by {@code (change_xid, id)}, the id of the transaction that last
 *       wrote the row (set by the database) and the row's id, returning only rows whose transaction is older
 *       than every transaction still running ({@code xid < pg_snapshot_xmin(pg_current_snapshot())}). Such a
 *       transaction has finished, so no row can later appear behind the cursor: a transaction that commits
 *       after this page writes with a larger xid, whatever its application clock said. The tombstones of
 *       deleted rows (table {@code tombstone}, written by a trigger) are walked in the same order and
 *       returned as {@code deletions}.</li>
 * </ul>
 */
public final class Pager {

    /** The sort that asks for the sync walk. */
    public static final String CHANGES = "changes";
    /** Said after the ordinary sort keys in every list's description of {@code sort}. */
    public static final String OR_CHANGES = "; or changes: the sync walk, in the order the changes committed, with deletions (see docs/api.md)";

    private Pager() {
    }

    /** A list's query, in JPQL or SQL as the list is written, with a condition (and its parameters) added by the pager. */
    public interface Rows<T> {
        List<T> fetch(String condition, Map<String, Object> parameters, String orderBy, int firstResult, int maxResults);

        long count();
    }

    /**
     * How a list's query spells the change columns, how its ids are typed, and under which name its deleted rows
     * are kept in {@code tombstone} (null when rows of the list are never deleted).
     */
    public record ChangeColumns(String xid, String id, Function<String, Object> idType, String resource) {

        /** An entity with a UUID id, queried in JPQL as {@code alias}. */
        public static ChangeColumns uuid(String alias, String resource) {
            return new ChangeColumns(alias + ".changeXid", alias + ".id", UUID::fromString, resource);
        }
    }

    /**
     * The rows of {@code from} (an entity or table with the alias, {@code "Meeting m"} or {@code "envoy e"})
     * that meet every condition, in JPQL or, with {@code sql}, in PostgreSQL's SQL; their id is {@code alias.id}.
     */
    public static <T> Rows<T> rows(EntityManager em, Class<T> type, String from, String alias, List<String> conditions,
                                   Map<String, Object> parameters, boolean sql) {
        return rows(em, type, from, alias, alias + ".id", conditions, parameters, sql);
    }

    /**
     * As above, with the id spelled {@code id} ({@code "a.eventId"}). A page by offset past the first is fetched
     * deferred: first the ids of the page (an offset has to step over every row it skips, and stepping over ids
     * in an index that has the order's columns is much cheaper than over whole rows), then those rows by id, in
     * the same order (docs/performance.md, "Session 5: lists at scale").
     */
    public static <T> Rows<T> rows(EntityManager em, Class<T> type, String from, String alias, String id, List<String> conditions,
                                   Map<String, Object> parameters, boolean sql) {
        return new Rows<>() {
            @Override
            @SuppressWarnings("unchecked")
            public List<T> fetch(String condition, Map<String, Object> extra, String orderBy, int firstResult, int maxResults) {
                List<String> all = new ArrayList<>(conditions);
                if (condition != null) {
                    all.add(condition);
                }
                if (firstResult > 0) {
                    Query ids = sql ? em.createNativeQuery("select " + id + " from " + from + where(all) + " order by " + orderBy)
                            : em.createQuery("select " + id + " from " + from + where(all) + " order by " + orderBy);
                    parameters.forEach(ids::setParameter);
                    extra.forEach(ids::setParameter);
                    List<Object> page = ids.setFirstResult(firstResult).setMaxResults(maxResults).getResultList();
                    if (page.isEmpty()) {
                        return List.of();
                    }
                    String text = "select " + alias + (sql ? ".*" : "") + " from " + from + " where " + id + " in (:pageIds) order by " + orderBy;
                    Query byId = sql ? em.createNativeQuery(text, type) : em.createQuery(text, type);
                    List<T> found = byId.setParameter("pageIds", page).getResultList();
                    // A row deleted between the two statements would shorten the page and hide the next one: then the
                    // page is read again in one statement.
                    if (found.size() == page.size()) {
                        return found;
                    }
                }
                String text = "select " + alias + (sql ? ".*" : "") + " from " + from + where(all) + " order by " + orderBy;
                Query query = sql ? em.createNativeQuery(text, type) : em.createQuery(text, type);
                parameters.forEach(query::setParameter);
                extra.forEach(query::setParameter);
                return query.setFirstResult(firstResult).setMaxResults(maxResults).getResultList();
            }

            @Override
            public long count() {
                String text = "select count(" + (sql ? "*" : alias) + ") from " + from + where(conditions);
                Query query = sql ? em.createNativeQuery(text, Long.class) : em.createQuery(text, Long.class);
                parameters.forEach(query::setParameter);
                return ((Number) query.getSingleResult()).longValue();
            }
        };
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public static boolean isSyncWalk(String sort) {
        return sort != null && CHANGES.equals(sort.strip());
    }

    /** One page of a list that offers the sync walk: {@code orderBy} is asked for only when the sort is an ordinary one. */
    public static <T extends Changed> Page<T> page(EntityManager em, PageRequest request, String sort, Supplier<String> orderBy,
                                                   ChangeColumns columns, Rows<T> rows) {
        if (!isSyncWalk(sort)) {
            String order = orderBy.get();
            List<T> fetched = rows.fetch(null, Map.of(), order, request.firstResult(), request.limit());
            return request.offsetPage(fetched, request.includeTotal() ? rows.count() : null);
        }
        if (request.after() == null && request.offset() > 0) {
            throw PageToken.invalid("it belongs to a list sorted otherwise");
        }
        long horizon = horizon(em);
        Map<String, Object> parameters = new HashMap<>();
        String condition = columns.xid() + " < :syncHorizon";
        parameters.put("syncHorizon", horizon);
        ChangeKey after = request.after();
        if (after != null) {
            // A row comparison, not "xid > a or (xid = a and id > b)": PostgreSQL starts the (change_xid, id) index
            // scan at the cursor only for the row form; the other is a filter over every row before it, so each page
            // cost as much as the walk's depth (docs/performance.md, "Session 5: lists at scale").
            condition += " and (" + columns.xid() + ", " + columns.id() + ") > (:afterXid, :afterId)";
            parameters.put("afterXid", after.xid());
            try {
                parameters.put("afterId", columns.idType().apply(after.id()));
            } catch (IllegalArgumentException e) {
                throw PageToken.invalid("it cannot be read");
            }
        }
        List<T> found = rows.fetch(condition, parameters, columns.xid() + ", " + columns.id(), 0, request.limit());
        List<Tombstone> tombstones = columns.resource() == null ? List.of() : tombstones(em, columns.resource(), horizon, after, request.limit());

        // Merge the two walks, both in (xid, id) order, and keep the first `size` of them.
        List<T> items = new ArrayList<>();
        List<Deletion> deletions = new ArrayList<>();
        ChangeKey last = null;
        int i = 0;
        int t = 0;
        while (items.size() + deletions.size() < request.size() && (i < found.size() || t < tombstones.size())) {
            boolean takeRow = t >= tombstones.size()
                    || (i < found.size() && found.get(i).changeKey().compareTo(tombstones.get(t).key()) < 0);
            if (takeRow) {
                last = found.get(i).changeKey();
                items.add(found.get(i++));
            } else {
                last = tombstones.get(t).key();
                deletions.add(tombstones.get(t++).deletion());
            }
        }
        boolean more = i < found.size() || t < tombstones.size();
        return request.changePage(items, deletions, last, more, request.includeTotal() ? rows.count() : null);
    }

    /** The oldest transaction still running: every transaction below it has committed or rolled back. */
    static long horizon(EntityManager em) {
        Object xmin = em.createNativeQuery("select cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint)").getSingleResult();
        return ((Number) xmin).longValue();
    }

    private record Tombstone(ChangeKey key, Deletion deletion) {
    }

    private static List<Tombstone> tombstones(EntityManager em, String resource, long horizon, ChangeKey after, int limit) {
        // Qualified: a bare "id" in the order by would name the text column selected, and PostgreSQL would sort every
        // tombstone after the cursor by text instead of reading them in the index's order.
        String sql = "select cast(t.id as text), t.change_xid, t.deleted_at from tombstone t where t.resource = :resource and t.change_xid < :horizon"
                + (after == null ? "" : " and (t.change_xid, t.id) > (:afterXid, cast(:afterId as uuid))")
                + " order by t.change_xid, t.id limit :limit";
        Query query = em.createNativeQuery(sql).setParameter("resource", resource).setParameter("horizon", horizon).setParameter("limit", limit);
        if (after != null) {
            query.setParameter("afterXid", after.xid()).setParameter("afterId", after.id());
        }
        List<Tombstone> found = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            String id = (String) columns[0];
            found.add(new Tombstone(new ChangeKey(((Number) columns[1]).longValue(), id), new Deletion(id, instant(columns[2]))));
        }
        return found;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
