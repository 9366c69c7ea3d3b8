package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.parley.api.Page;
import org.parley.negotiation.repository.SearchRepository;

import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SearchService {

    @Inject
    SearchRepository repository;

    @Transactional
    public Page<SearchRepository.Hit> search(String query, Set<SearchRepository.Kind> kinds, UUID negotiationId, int page, int size) {
        String normalised = repository.normalise(query);
        return Page.of(repository.search(normalised, kinds, negotiationId, page, size), page, size,
                repository.count(normalised, kinds, negotiationId));
    }
}
