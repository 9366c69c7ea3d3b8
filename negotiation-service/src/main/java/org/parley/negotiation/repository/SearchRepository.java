package org.parley.negotiation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Text search over what was said and written: statements (quote and context), clauses (label, heading and
 * text) and incidents (description, weapons, place, date as reported, consequences). Text and query are
 * compared through {@code search_text} (lower case, accents removed by unaccent) with pg_trgm's word
 * similarity, so a query matches a passage spelled a little differently ("Kryvyi Rig", "Zelenskiy"); the
 * trigram indexes of migration V202612020610 serve the {@code <%} operator, whose expressions these repeat.
 */
@ApplicationScoped
public class SearchRepository {

    public enum Kind {
        STATEMENT("""
                select 'STATEMENT' as kind, s.id, s.negotiation_id, s.quote as excerpt, '/api/v1/statements/' || s.id as link,
                       word_similarity(:q, search_text(s.quote || ' ' || coalesce(s.context, ''))) as score
                from statement s where :q <% search_text(s.quote || ' ' || coalesce(s.context, ''))"""),
        CLAUSE("""
                select 'CLAUSE' as kind, c.id, p.negotiation_id,
                       concat_ws(': ', p.title || ', ' || c.label, coalesce(c.heading, c.text)) as excerpt, '/api/v1/clauses/' || c.id as link,
                       word_similarity(:q, search_text(c.label || ' ' || coalesce(c.heading, '') || ' ' || coalesce(c.text, ''))) as score
                from clause c join proposal p on p.id = c.proposal_id
                where :q <% search_text(c.label || ' ' || coalesce(c.heading, '') || ' ' || coalesce(c.text, ''))"""),
        INCIDENT("""
                select 'INCIDENT' as kind, i.id, i.negotiation_id,
                       coalesce(i.description, concat_ws(', ', i.place_city, i.place_region, i.place_country, i.place_as_reported)) as excerpt,
                       '/api/v1/incidents/' || i.id as link,
                       word_similarity(:q, search_text(coalesce(i.description, '') || ' ' || coalesce(i.weapons, '') || ' ' || coalesce(i.place_city, '') || ' '
                           || coalesce(i.place_region, '') || ' ' || coalesce(i.place_country, '') || ' ' || coalesce(i.place_as_reported, '')
                           || ' ' || coalesce(i.date_as_reported, '') || ' ' || i.consequences::text)) as score
                from incident i where :q <% search_text(coalesce(i.description, '') || ' ' || coalesce(i.weapons, '') || ' ' || coalesce(i.place_city, '') || ' '
                           || coalesce(i.place_region, '') || ' ' || coalesce(i.place_country, '') || ' ' || coalesce(i.place_as_reported, '')
                           || ' ' || coalesce(i.date_as_reported, '') || ' ' || i.consequences::text)""");

        private final String select;

        Kind(String select) {
            this.select = select;
        }
    }

    /** One passage found, with how close it came (1 is an exact match of every query word). */
    public record Hit(Kind kind, UUID id, UUID negotiationId, String excerpt, String link, double score) {
    }

    @Inject
    EntityManager em;

    /** @param kinds never empty */
    public List<Hit> search(String query, Collection<Kind> kinds, UUID negotiationId, int offset, int limit) {
        String sql = "select kind, id, negotiation_id, excerpt, link, score from (" + union(kinds) + ") hits"
                + filter(negotiationId) + " order by score desc, kind, id limit :limit offset :offset";
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> select = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        select.addScalar("kind", String.class).addScalar("id", UUID.class).addScalar("negotiation_id", UUID.class)
                .addScalar("excerpt", String.class).addScalar("link", String.class).addScalar("score", Double.class);
        select.setParameter("q", query).setParameter("limit", limit).setParameter("offset", offset);
        if (negotiationId != null) {
            select.setParameter("negotiation", negotiationId);
        }
        List<Hit> hits = new ArrayList<>();
        for (Object[] row : select.getResultList()) {
            hits.add(new Hit(Kind.valueOf((String) row[0]), (UUID) row[1], (UUID) row[2], (String) row[3], (String) row[4], (Double) row[5]));
        }
        return hits;
    }

    public long count(String query, Collection<Kind> kinds, UUID negotiationId) {
        var count = em.createNativeQuery("select count(*) from (" + union(kinds) + ") hits" + filter(negotiationId), Long.class)
                .setParameter("q", query);
        if (negotiationId != null) {
            count.setParameter("negotiation", negotiationId);
        }
        return ((Number) count.getSingleResult()).longValue();
    }

    /** The query as the indexed text is kept: lower case, without accents. */
    public String normalise(String query) {
        return (String) em.createNativeQuery("select search_text(:q)").setParameter("q", query).getSingleResult();
    }

    private static String union(Collection<Kind> kinds) {
        return String.join("\nunion all\n", kinds.stream().sorted().map(kind -> kind.select).toList());
    }

    private static String filter(UUID negotiationId) {
        return negotiationId == null ? "" : " where negotiation_id = :negotiation";
    }
}
