package org.parley.negotiation.mapping;

import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.Incident;
import org.parley.negotiation.rest.IncidentCasualties;
import org.parley.negotiation.rest.IncidentInput;
import org.parley.negotiation.rest.IncidentPlace;
import org.parley.negotiation.rest.IncidentView;

import java.util.List;

public final class IncidentMapper {

    private IncidentMapper() {
    }

    /** Copies what the client sent; the id and timestamps are the service's to set. */
    public static void apply(IncidentInput request, Incident incident) {
        incident.negotiationId = request.negotiationId();
        incident.occurredOn = request.occurredOn();
        incident.datePrecision = request.datePrecision() != null ? request.datePrecision() : DatePrecision.dayDefaultFor(request.occurredOn());
        incident.dateAsReported = StatementText.trimToNull(request.dateAsReported());
        IncidentPlace place = request.place();
        incident.city = StatementText.trimToNull(place.city());
        incident.region = StatementText.trimToNull(place.region());
        incident.country = StatementText.trimToNull(place.country());
        incident.latitude = place.latitude();
        incident.longitude = place.longitude();
        incident.placeAsReported = StatementText.trimToNull(place.asReported());
        incident.kind = request.kind();
        incident.weapons = StatementText.trimToNull(request.weapons());
        incident.description = StatementText.trimToNull(request.description());
        incident.attributedToPartyId = request.attributedToPartyId();
        incident.attributedBy = StatementText.trimToNull(request.attributedBy());
        IncidentCasualties casualties = request.casualties() != null ? request.casualties() : IncidentCasualties.NOT_REPORTED;
        incident.killed = casualties.killed();
        incident.injured = casualties.injured();
        incident.childrenKilled = casualties.childrenKilled();
        incident.childrenInjured = casualties.childrenInjured();
        incident.civilian = casualties.civilian();
        incident.casualtyNotes = StatementText.trimAll(casualties.notes());
        incident.damage = request.damage() == null ? List.of() : List.copyOf(request.damage());
        incident.weaponsLaunched = request.weaponsLaunched() == null ? List.of() : List.copyOf(request.weaponsLaunched());
        incident.consequences = StatementText.trimAll(request.consequences());
        incident.sources = List.copyOf(request.sources());
    }

    public static IncidentView toResponse(Incident incident) {
        return new IncidentView(incident.id, incident.negotiationId, incident.occurredOn, incident.datePrecision, incident.dateAsReported,
                new IncidentPlace(incident.city, incident.region, incident.country, incident.latitude, incident.longitude, incident.placeAsReported),
                incident.kind, incident.weapons, incident.description, incident.attributedToPartyId, incident.attributedBy,
                new IncidentCasualties(incident.killed, incident.injured, incident.childrenKilled, incident.childrenInjured,
                        incident.civilian, List.copyOf(incident.casualtyNotes)),
                List.copyOf(incident.damage), List.copyOf(incident.weaponsLaunched), List.copyOf(incident.consequences),
                List.copyOf(incident.sources), incident.createdAt, incident.updatedAt);
    }
}
