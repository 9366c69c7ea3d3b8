package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.negotiation.repository.SearchRepository;

import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class SearchService {

    @Inject
    SearchRepository repository;

    @Transactional
    public Page<SearchRepository.Hit> search(String query, Set<SearchRepository.Kind> kinds, UUID negotiationId, PageRequest request) {
        String normalised = repository.normalise(query);
        return request.offsetPage(repository.search(normalised, kinds, negotiationId, request.firstResult(), request.limit()),
                request.includeTotal() ? repository.count(normalised, kinds, negotiationId) : null);
    }
}
