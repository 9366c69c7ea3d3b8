package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.parley.events.Outbox;
import org.parley.events.negotiation.NegotiationEvent;
import org.parley.events.negotiation.Casualties;
import org.parley.events.negotiation.IncidentDamageData;
import org.parley.events.negotiation.IncidentPlaceData;
import org.parley.events.negotiation.IncidentRecorded;
import org.parley.events.negotiation.IncidentWeaponData;
import org.parley.events.negotiation.SourceRef;
import org.parley.events.negotiation.StatementRecorded;
import org.parley.negotiation.model.Incident;
import org.parley.negotiation.model.IncidentCountQualifier;
import org.parley.negotiation.model.Source;
import org.parley.negotiation.model.Statement;

import java.util.List;

/** The events of statements and incidents, written through the service's outbox helper in the caller's transaction. */
@ApplicationScoped
public class StatementEvents {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    AlertService alerts;

    private Outbox outbox;

    @PostConstruct
    void init() {
        outbox = new Outbox("parley/negotiation-service", mapper);
    }

    // Until negotiation-service's own outbox helper lands; then this delegates to it.
    private void publish(NegotiationEvent event) {
        java.util.UUID eventId = em.unwrap(Session.class).doReturningWork(connection -> outbox.append(connection, event));
        alerts.raiseFor(event, eventId.toString());
    }

    public void statementRecorded(Statement s, String envoyName) {
        publish(new StatementRecorded(s.id, s.negotiationId, s.envoyId, envoyName, s.partyId, s.quote, s.saidOn,
                s.saidOnPrecision.value(), s.saidOnAsReported, s.context, s.meetingId, s.proposalId, sources(s.sources), s.createdAt));
    }

    public void incidentRecorded(Incident i) {
        publish(new IncidentRecorded(i.id, i.negotiationId, i.occurredOn, i.datePrecision.value(), i.dateAsReported,
                i.kind.value(), i.weapons,
                new IncidentPlaceData(i.city, i.region, i.country, i.latitude, i.longitude, i.placeAsReported),
                i.attributedToPartyId, i.attributedBy,
                new Casualties(i.killed, i.injured, i.childrenKilled, i.childrenInjured, i.civilian, List.copyOf(i.casualtyNotes)),
                i.damage.stream().map(d -> new IncidentDamageData(d.what(), d.count(), qualifier(d.qualifier()))).toList(),
                i.weaponsLaunched.stream().map(w -> new IncidentWeaponData(w.weapon(), w.count(), qualifier(w.qualifier()))).toList(),
                List.copyOf(i.consequences), sources(i.sources), i.createdAt));
    }

    private static List<SourceRef> sources(List<Source> sources) {
        return sources.stream().map(s -> new SourceRef(s.publication(), s.url(), s.publishedOn(), s.attribution())).toList();
    }

    private static String qualifier(IncidentCountQualifier qualifier) {
        return qualifier == null ? null : qualifier.name().toLowerCase(java.util.Locale.ROOT);
    }
}
