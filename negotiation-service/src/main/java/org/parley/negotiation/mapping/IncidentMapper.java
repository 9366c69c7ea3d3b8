package org.parley.negotiation.mapping;

import org.parley.negotiation.model.Incident;
import org.parley.negotiation.rest.IncidentCasualties;
import org.parley.negotiation.rest.IncidentInput;
import org.parley.negotiation.rest.IncidentPlace;
import org.parley.negotiation.rest.IncidentView;
import org.parley.negotiation.service.RecordIncident;

import java.util.List;

/** Between the incident entity and its API shapes. */
public final class IncidentMapper {

    private IncidentMapper() {
    }

    public static RecordIncident toCommand(IncidentInput input) {
        IncidentPlace place = input.place();
        IncidentCasualties casualties = input.casualties();
        return new RecordIncident(input.negotiationId(), input.occurredOn(), input.datePrecision(), input.dateAsReported(),
                new RecordIncident.Place(place.city(), place.region(), place.country(), place.latitude(), place.longitude(), place.asReported()),
                input.kind(), input.weapons(), input.description(), input.attributedToPartyId(), input.attributedBy(),
                casualties == null ? null : new RecordIncident.Casualties(casualties.killed(), casualties.injured(),
                        casualties.childrenKilled(), casualties.childrenInjured(), casualties.civilian(), casualties.notes()),
                input.damage(), input.weaponsLaunched(), input.consequences(), input.sources());
    }

    public static IncidentView toView(Incident incident) {
        return new IncidentView(incident.id, incident.negotiationId, incident.occurredOn, incident.datePrecision, incident.dateAsReported,
                new IncidentPlace(incident.city, incident.region, incident.country, incident.latitude, incident.longitude, incident.placeAsReported),
                incident.kind, incident.weapons, incident.description, incident.attributedToPartyId, incident.attributedBy,
                new IncidentCasualties(incident.killed, incident.injured, incident.childrenKilled, incident.childrenInjured,
                        incident.civilian, List.copyOf(incident.casualtyNotes)),
                List.copyOf(incident.damage), List.copyOf(incident.weaponsLaunched), List.copyOf(incident.consequences),
                List.copyOf(incident.sources), incident.createdAt, incident.updatedAt);
    }
}
