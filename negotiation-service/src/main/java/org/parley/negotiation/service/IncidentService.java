package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.negotiation.mapping.IncidentMapper;
import org.parley.negotiation.model.Incident;
import org.parley.negotiation.repository.IncidentFilter;
import org.parley.negotiation.repository.IncidentRepository;
import org.parley.negotiation.rest.IncidentInput;
import org.parley.negotiation.rest.IncidentView;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IncidentService {

    @Inject
    IncidentRepository incidents;

    @Inject
    KnownReferences known;

    @Inject
    StatementEvents events;

    /**
     * Records an incident as reported. References are checked before anything is written; the event goes
     * into the outbox in the same transaction as the row.
     */
    @Transactional
    public Incident record(IncidentInput input) {
        Sources.required(input.sources(), "An incident");
        StatementService.requireNegotiation(input.negotiationId());
        if (input.attributedToPartyId() != null) {
            known.requireParties(List.of(input.attributedToPartyId()));
        }
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        IncidentMapper.apply(input, incident);
        incident.createdAt = incident.updatedAt = Clock.now();
        incidents.persistAndFlush(incident);
        events.incidentRecorded(incident);
        return incident;
    }

    public Incident get(UUID id) {
        Incident incident = incidents.findById(id);
        if (incident == null) {
            throw ApiException.notFound("Incident", id);
        }
        return incident;
    }

    public Page<IncidentView> list(IncidentFilter filter, PageRequest request) {
        return incidents.search(filter, request).map(IncidentMapper::toResponse);
    }
}
