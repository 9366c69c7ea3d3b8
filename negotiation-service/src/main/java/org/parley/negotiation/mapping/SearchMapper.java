package org.parley.negotiation.mapping;

import org.parley.negotiation.repository.SearchRepository;
import org.parley.negotiation.rest.SearchHit;

/** A search hit as the API shows it. */
public final class SearchMapper {

    private SearchMapper() {
    }

    /** The score to two decimals: the database's float noise says nothing a client can use. */
    public static SearchHit toView(SearchRepository.Hit hit) {
        return new SearchHit(SearchHit.Kind.valueOf(hit.kind().name()), hit.id(), hit.negotiationId(), hit.excerpt(), hit.link(),
                Math.round(hit.score() * 100) / 100.0);
    }
}
