package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.api.Vocabulary;
import org.parley.events.negotiation.Casualties;
import org.parley.events.negotiation.IncidentDamageData;
import org.parley.events.negotiation.IncidentPlaceData;
import org.parley.events.negotiation.IncidentRecorded;
import org.parley.events.negotiation.IncidentWeaponData;
import org.parley.events.negotiation.StatementRecorded;
import org.parley.negotiation.model.Incident;
import org.parley.negotiation.model.IncidentCountQualifier;
import org.parley.negotiation.model.Statement;

import java.util.List;

/** The events of statements and incidents, appended through {@link NegotiationEvents} in the caller's transaction. */
@ApplicationScoped
public class StatementEvents {

    @Inject
    NegotiationEvents events;

    public void statementRecorded(Statement s, String envoyName) {
        events.append(new StatementRecorded(s.id, s.negotiationId, s.envoyId, envoyName, s.partyId, s.quote, s.saidOn,
                Vocabulary.wireName(s.saidOnPrecision), s.saidOnAsReported, s.context, s.meetingId, s.proposalId, NegotiationEvents.sources(s.sources), s.createdAt));
    }

    public void incidentRecorded(Incident i) {
        events.append(new IncidentRecorded(i.id, i.negotiationId, i.occurredOn, Vocabulary.wireName(i.datePrecision), i.dateAsReported,
                Vocabulary.wireName(i.kind), i.weapons,
                new IncidentPlaceData(i.city, i.region, i.country, i.latitude, i.longitude, i.placeAsReported),
                i.attributedToPartyId, i.attributedBy,
                new Casualties(i.killed, i.injured, i.childrenKilled, i.childrenInjured, i.civilian, List.copyOf(i.casualtyNotes)),
                i.damage.stream().map(d -> new IncidentDamageData(d.what(), d.count(), qualifier(d.qualifier()))).toList(),
                i.weaponsLaunched.stream().map(w -> new IncidentWeaponData(w.weapon(), w.count(), qualifier(w.qualifier()))).toList(),
                List.copyOf(i.consequences), NegotiationEvents.sources(i.sources), i.createdAt));
    }

    private static String qualifier(IncidentCountQualifier qualifier) {
        return qualifier == null ? null : Vocabulary.wireName(qualifier);
    }
}
