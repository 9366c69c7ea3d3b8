package org.parley.party.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.api.Pager;
import org.parley.party.model.Envoy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class EnvoyRepository implements PanacheRepositoryBase<Envoy, UUID> {

    /** API sort keys to columns; anything else never reaches the SQL. */
    public static final Map<String, String> SORT_KEYS = Map.of("fullName", "e.full_name", "mandateFrom", "e.mandate_from", "updatedAt", "e.updated_at");

    /** Trigram similarity (pg_trgm) from which two words are taken for the same name: "steve"/"steven" is 0.62, "wladimir"/"vladimir" 0.5. */
    static final double SIMILAR = 0.5;

    public long countByParty(UUID partyId) {
        return count("partyId", partyId);
    }

    public List<Envoy> listByParty(UUID partyId, int limit) {
        return find("partyId", Sort.by("fullName").and("id"), partyId).page(0, limit).list();
    }

    /**
     * SQL rather than HQL because the name search uses PostgreSQL's pg_trgm and fuzzystrmatch. An envoy matches
     * when a single name (the full name or one alias) has, for every query word, a word that starts with it
     * ("steve" finds "steven"), is similar to it by trigrams ("steven" finds "steve", "wladimir" finds
     * "vladimir") or sounds like it by double metaphone ("volodymyr" finds "vladimir"). Words taken from two
     * different aliases do not make a match.
     */
    public Page<Envoy> search(EnvoyFilter criteria, PageRequest request) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (criteria.partyId() != null) {
            conditions.add("e.party_id = :party");
            parameters.put("party", criteria.partyId());
        }
        if (criteria.role() != null) {
            conditions.add("e.role = :role");
            // Stored by constant name (@Enumerated STRING), not by wire name.
            parameters.put("role", criteria.role().name());
        }
        if (criteria.activeOn() != null) {
            conditions.add("(e.mandate_from is null or e.mandate_from <= :activeOn) and (e.mandate_to is null or e.mandate_to >= :activeOn)");
            parameters.put("activeOn", criteria.activeOn());
        }
        if (criteria.updatedSince() != null) {
            conditions.add("e.updated_at >= :updatedSince");
            parameters.put("updatedSince", criteria.updatedSince());
        }
        List<String> words = criteria.nameWords();
        if (!words.isEmpty()) {
            // Words hold only letters and digits (NameSearch), so they are safe inside a LIKE pattern.
            List<String> perName = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                perName.add("exists (select 1 from unnest(string_to_array(n.name, ' ')) as w(word) where w.word like :prefix" + i
                        + " or similarity(w.word, :word" + i + ") >= " + SIMILAR
                        + " or (dmetaphone(:word" + i + ") <> '' and dmetaphone(w.word) = dmetaphone(:word" + i + ")))");
                parameters.put("word" + i, words.get(i));
                parameters.put("prefix" + i, words.get(i) + "%");
            }
            conditions.add("exists (select 1 from unnest(e.search_names) as n(name) where " + String.join(" and ", perName) + ")");
        }
        Ordering ordering = criteria.ordering();
        return Pager.page(getEntityManager(), request, ordering.key(), () -> {
            String column = SORT_KEYS.get(ordering.key());
            if (column == null) {
                throw new IllegalArgumentException("Unknown sort key " + ordering.key());
            }
            return column + (ordering.descending() ? " desc" : " asc") + ", e.id asc";
        }, new Pager.ChangeColumns("e.change_xid", "e.id", UUID::fromString, "envoy"),
                Pager.rows(getEntityManager(), Envoy.class, "envoy e", "e", conditions, parameters, true));
    }
}
