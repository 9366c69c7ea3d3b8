package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.Incident;
import org.parley.negotiation.repository.IncidentFilter;
import org.parley.negotiation.repository.IncidentRepository;

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
    public Incident record(RecordIncident input) {
        Sources.required(input.sources(), "An incident");
        StatementService.requireNegotiation(input.negotiationId());
        if (input.attributedToPartyId() != null) {
            known.requireParties(List.of(input.attributedToPartyId()));
        }
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        copy(input, incident);
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

    public Page<Incident> list(IncidentFilter filter, PageRequest request) {
        return incidents.search(filter, request);
    }

    /** What was reported, trimmed; the id and timestamps are set by the caller. */
    private static void copy(RecordIncident input, Incident incident) {
        incident.negotiationId = input.negotiationId();
        incident.occurredOn = input.occurredOn();
        incident.datePrecision = input.datePrecision() != null ? input.datePrecision() : DatePrecision.dayDefaultFor(input.occurredOn());
        incident.dateAsReported = StatementText.trimToNull(input.dateAsReported());
        RecordIncident.Place place = input.place();
        incident.city = StatementText.trimToNull(place.city());
        incident.region = StatementText.trimToNull(place.region());
        incident.country = StatementText.trimToNull(place.country());
        incident.latitude = place.latitude();
        incident.longitude = place.longitude();
        incident.placeAsReported = StatementText.trimToNull(place.asReported());
        incident.kind = input.kind();
        incident.weapons = StatementText.trimToNull(input.weapons());
        incident.description = StatementText.trimToNull(input.description());
        incident.attributedToPartyId = input.attributedToPartyId();
        incident.attributedBy = StatementText.trimToNull(input.attributedBy());
        RecordIncident.Casualties casualties = input.casualties();
        if (casualties != null) {
            incident.killed = casualties.killed();
            incident.injured = casualties.injured();
            incident.childrenKilled = casualties.childrenKilled();
            incident.childrenInjured = casualties.childrenInjured();
            incident.civilian = casualties.civilian();
        }
        incident.casualtyNotes = StatementText.trimAll(casualties == null ? null : casualties.notes());
        incident.damage = input.damage() == null ? List.of() : List.copyOf(input.damage());
        incident.weaponsLaunched = input.weaponsLaunched() == null ? List.of() : List.copyOf(input.weaponsLaunched());
        incident.consequences = StatementText.trimAll(input.consequences());
        incident.sources = List.copyOf(input.sources());
    }
}
