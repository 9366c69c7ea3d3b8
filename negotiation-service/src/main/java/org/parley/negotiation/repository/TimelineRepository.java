package org.parley.negotiation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The timeline of a negotiation, read with one UNION ALL over meetings, proposals, position changes,
 * statements and incidents, sorted and paged in the database, and one count. Nothing beyond the page is
 * loaded, however long the negotiation's history grows. Each branch fills the same generic columns; what
 * they mean per kind is documented on {@link TimelineRow}; kinds and precisions are the enums' constant names, as JPA stores them.
 */
@ApplicationScoped
public class TimelineRepository {

    public enum Kind {
        MEETING("""
                select 'MEETING' as kind, 1 as rank, m.id::text as id, m.starts_at as sort_at,
                       case when m.start_precision = 'EXACT_DAY' then cast(m.starts_at at time zone 'UTC' as date) end as day,
                       m.start_precision as precision,
                       m.timing_as_reported as as_reported, '/api/v1/meetings/' || m.id as link,
                       m.title as a, m.status as b, m.location_city as c, m.location_venue as d, cast(null as text) as e,
                       m.duration_seconds as n1, cast(null as bigint) as n2, cast(null as bigint) as n3, cast(null as bigint) as n4
                from meeting m where m.negotiation_id = :negotiation""",
                "select count(*) from meeting where negotiation_id = :negotiation"),
        PROPOSAL("""
                select 'PROPOSAL', 2, pr.id::text, pr.created_at, null, 'RECORDED', null, '/api/v1/proposals/' || pr.id,
                       pr.title, pr.status, sp.name, null, null, pr.document_version, null, null, null
                from proposal pr left join known_party sp on sp.id = pr.sponsor_party_id
                where pr.negotiation_id = :negotiation""",
                "select count(*) from proposal where negotiation_id = :negotiation"),
        POSITION_CHANGE("""
                select 'POSITION_CHANGE', 3, pc.id::text, pc.recorded_at, null, 'INSTANT', null,
                       case when p.clause_id is null
                            then '/api/v1/proposals/' || p.proposal_id || '/positions/' || p.party_id || '/history'
                            else '/api/v1/clauses/' || p.clause_id || '/positions/' || p.party_id || '/history' end,
                       kp.name, pc.status, pc.previous_status, cl.label, pr.title, null, null, null, null
                from position_change pc
                     join party_position p on p.id = pc.position_id
                     join proposal pr on pr.id = p.proposal_id
                     left join clause cl on cl.id = p.clause_id
                     left join known_party kp on kp.id = p.party_id
                where p.negotiation_id = :negotiation""",
                "select count(*) from position_change pc join party_position p on p.id = pc.position_id where p.negotiation_id = :negotiation"),
        STATEMENT("""
                select 'STATEMENT', 4, s.id::text, s.said_on::timestamp at time zone 'UTC', s.said_on, s.said_on_precision,
                       s.said_on_as_reported, '/api/v1/statements/' || s.id,
                       en.full_name, s.quote, null, null, null, null, null, null, null
                from statement s left join known_envoy en on en.id = s.envoy_id
                where s.negotiation_id = :negotiation""",
                "select count(*) from statement where negotiation_id = :negotiation"),
        INCIDENT("""
                select 'INCIDENT', 5, i.id::text, i.occurred_on::timestamp at time zone 'UTC', i.occurred_on, i.date_precision,
                       i.date_as_reported, '/api/v1/incidents/' || i.id,
                       i.kind, coalesce(i.place_city, i.place_region, i.place_as_reported, i.place_country), ap.name, i.attributed_by, null,
                       i.killed, i.injured, i.children_killed, i.children_injured
                from incident i left join known_party ap on ap.id = i.attributed_to_party_id
                where i.negotiation_id = :negotiation""",
                "select count(*) from incident where negotiation_id = :negotiation");

        private final String select;
        private final String count;

        Kind(String select, String count) {
            this.select = select;
            this.count = count;
        }
    }

    @Inject
    EntityManager em;

    /** @param branches the kinds of entry wanted; never empty */
    public List<TimelineRow> page(UUID negotiationId, Collection<Kind> branches, boolean descending, int offset, int limit) {
        List<Kind> ordered = branches.stream().sorted().toList();
        String direction = descending ? "desc" : "asc";
        String sql = "select kind, id, sort_at, day, precision, as_reported, link, a, b, c, d, e, n1, n2, n3, n4 from ("
                + String.join("\nunion all\n", selects(ordered))
                + ") t order by (sort_at is null), sort_at " + direction + ", rank " + direction + ", id " + direction
                + " limit :limit offset :offset";
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        query.addScalar("kind", String.class).addScalar("id", String.class).addScalar("sort_at", Instant.class)
                .addScalar("day", LocalDate.class).addScalar("precision", String.class).addScalar("as_reported", String.class)
                .addScalar("link", String.class)
                .addScalar("a", String.class).addScalar("b", String.class).addScalar("c", String.class)
                .addScalar("d", String.class).addScalar("e", String.class)
                .addScalar("n1", Long.class).addScalar("n2", Long.class).addScalar("n3", Long.class).addScalar("n4", Long.class);
        query.setParameter("negotiation", negotiationId)
                .setParameter("limit", limit)
                .setParameter("offset", offset);
        List<TimelineRow> rows = new ArrayList<>();
        for (Object[] r : query.getResultList()) {
            rows.add(new TimelineRow((String) r[0], (String) r[1], (Instant) r[2], (LocalDate) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11],
                    (Long) r[12], (Long) r[13], (Long) r[14], (Long) r[15]));
        }
        return rows;
    }

    public long count(UUID negotiationId, Collection<Kind> branches) {
        String sql = "select " + String.join(" + ", branches.stream().sorted().map(s -> "(" + s.count + ")").toList());
        return ((Number) em.createNativeQuery(sql).setParameter("negotiation", negotiationId).getSingleResult()).longValue();
    }

    /** The first branch of a UNION names and types the columns: a meeting branch, empty if meetings were not asked for, always leads. */
    private static List<String> selects(List<Kind> branches) {
        List<String> selects = new ArrayList<>();
        if (branches.get(0) != Kind.MEETING) {
            selects.add(Kind.MEETING.select + " and false");
        }
        branches.forEach(branch -> selects.add(branch.select));
        return selects;
    }

    /**
     * One entry, in generic columns. Per kind, a..e and n1..n4 hold:
     * meeting: title, status, city, venue, -, duration in seconds;
     * proposal: title, status, sponsor party name, -, -, document version;
     * position_change: party name, status, previous status, clause label (null on the whole proposal), proposal title;
     * statement: envoy name, quote;
     * incident: kind, place, attributed party name, attributed by, -, killed, injured, children killed, children injured.
     */
    public record TimelineRow(String kind, String id, Instant sortAt, LocalDate day, String precision, String asReported, String link,
                              String a, String b, String c, String d, String e, Long n1, Long n2, Long n3, Long n4) {
    }
}
