package org.parley.negotiation.service;

import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.IncidentDamage;
import org.parley.negotiation.model.IncidentKind;
import org.parley.negotiation.model.IncidentWeaponCount;
import org.parley.negotiation.model.Source;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Record an incident as reported. A null precision is derived from whether occurredOn is given; null
 * casualties mean none were reported, and a count left null was not reported (which is not zero).
 */
public record RecordIncident(
        UUID negotiationId,
        LocalDate occurredOn,
        DatePrecision datePrecision,
        String dateAsReported,
        Place place,
        IncidentKind kind,
        String weapons,
        String description,
        UUID attributedToPartyId,
        String attributedBy,
        Casualties casualties,
        List<IncidentDamage> damage,
        List<IncidentWeaponCount> weaponsLaunched,
        List<String> consequences,
        List<Source> sources) {

    public record Place(String city, String region, String country, Double latitude, Double longitude, String asReported) {
    }

    public record Casualties(Integer killed, Integer injured, Integer childrenKilled, Integer childrenInjured, Boolean civilian,
                             List<String> notes) {
    }
}
