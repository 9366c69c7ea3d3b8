package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.parley.api.ChangeAuthor;
import org.parley.api.Vocabulary;
import org.parley.events.Actor;
import org.parley.events.Outbox;
import org.parley.events.negotiation.ClauseAdded;
import org.parley.events.negotiation.ClauseData;
import org.parley.events.negotiation.ClausePlace;
import org.parley.events.negotiation.ClauseUpdated;
import org.parley.events.negotiation.ClausesReordered;
import org.parley.events.negotiation.MeetingData;
import org.parley.events.negotiation.MeetingPlace;
import org.parley.events.negotiation.MeetingScheduled;
import org.parley.events.negotiation.MeetingStatusChanged;
import org.parley.events.negotiation.MeetingUpdated;
import org.parley.events.negotiation.NegotiationData;
import org.parley.events.negotiation.NegotiationEvent;
import org.parley.events.negotiation.NegotiationOpened;
import org.parley.events.negotiation.NegotiationParticipant;
import org.parley.events.negotiation.NegotiationUpdated;
import org.parley.events.negotiation.PositionRecorded;
import org.parley.events.negotiation.ProposalData;
import org.parley.events.negotiation.ProposalStatusChanged;
import org.parley.events.negotiation.ProposalTabled;
import org.parley.events.negotiation.ProposalUpdated;
import org.parley.events.negotiation.SourceRef;
import org.parley.events.quarkus.EventBus;
import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.Meeting;
import org.parley.negotiation.model.MeetingStatus;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.Participation;
import org.parley.negotiation.model.PartyPosition;
import org.parley.negotiation.model.Place;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Proposal;
import org.parley.negotiation.model.ProposalStatus;
import org.parley.negotiation.model.Source;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Writes the event of each change into the outbox, on the caller's transaction's connection: the change
 * and its event commit together or not at all, and the relay publishes it after commit. Every event is keyed
 * by its negotiation, so consumers see one negotiation's changes in order.
 */
@ApplicationScoped
public class NegotiationEvents {

    @Inject
    EntityManager em;

    @Inject
    AlertService alerts;

    @Inject
    ChangeAuthor author;

    @Inject
    AuditTrail audit;

    /** Built once for the service by the shared event bus (event-bus-quarkus). */
    @Inject
    Outbox outbox;

    /** The one place the service's CloudEvents source is named; the audit trail records it as the changing service. */
    @Inject
    EventBus eventBus;

    public void negotiationStarted(Negotiation n) {
        append(new NegotiationOpened(data(n)));
    }

    public void negotiationUpdated(Negotiation n) {
        append(new NegotiationUpdated(data(n)));
    }

    public void meetingScheduled(Meeting m) {
        append(new MeetingScheduled(data(m)));
    }

    public void meetingUpdated(Meeting m) {
        append(new MeetingUpdated(data(m)));
    }

    public void meetingStatusChanged(Meeting m, MeetingStatus previous) {
        append(new MeetingStatusChanged(m.negotiationId, m.id, Vocabulary.wireName(previous), Vocabulary.wireName(m.status), m.statusNote, m.updatedAt));
    }

    public void proposalTabled(Proposal p) {
        append(new ProposalTabled(data(p)));
    }

    public void proposalUpdated(Proposal p) {
        append(new ProposalUpdated(data(p)));
    }

    public void proposalStatusChanged(Proposal p, ProposalStatus previous, UUID supersededBy) {
        append(new ProposalStatusChanged(p.negotiationId, p.id, Vocabulary.wireName(previous), Vocabulary.wireName(p.status), supersededBy, p.updatedAt));
    }

    public void clauseAdded(Clause c, Proposal p) {
        append(new ClauseAdded(data(c, p)));
    }

    public void clauseEdited(Clause c, Proposal p) {
        append(new ClauseUpdated(data(c, p)));
    }

    public void clausesReordered(Proposal p, List<Clause> ordered) {
        append(new ClausesReordered(p.negotiationId, p.id,
                ordered.stream().map(c -> new ClausePlace(c.id, c.ordinal, c.label)).toList(), p.updatedAt));
    }

    public void positionChanged(PartyPosition p, PositionStatus previous) {
        append(recorded(p, previous));
    }

    /**
     * A position change whose rows the caller writes with plain JDBC: {@code change} goes to the database in the
     * same round trip as the event and its audit entry, before them.
     */
    void positionChanged(PartyPosition p, PositionStatus previous, Outbox.Alongside change) {
        append(recorded(p, previous), List.of(change));
    }

    private static PositionRecorded recorded(PartyPosition p, PositionStatus previous) {
        return new PositionRecorded(p.id, p.negotiationId, p.partyId, p.proposalId, p.clauseId, Vocabulary.wireName(p.status),
                previous == null ? null : Vocabulary.wireName(previous), p.note, p.affectedClauseIds, sources(p.sources), p.recordedAt, p.recordedBy);
    }

    /** Package-private so that the statement and incident events share this outbox and its source. */
    void append(NegotiationEvent event) {
        append(event, List.of());
    }

    private void append(NegotiationEvent event, List<Outbox.Alongside> change) {
        Session session = em.unwrap(Session.class);
        // The change first: its row lock orders concurrent writers before their events take outbox sequence numbers.
        session.flush();
        // Every write here is a request's: its author is the token's subject, its reason the X-Change-Reason header.
        Actor actor = new Actor(author.subject(), author.reason());
        // The change written by JDBC (if any), the event and its audit entry: one round trip.
        List<Outbox.Alongside> auditEntry = audit.entry(event, actor, Clock.now(), eventBus.source()).stream().toList();
        UUID eventId = session.doReturningWork(connection -> outbox.append(connection, event, actor, change, auditEntry));
        alerts.raiseFor(event, eventId.toString());
    }

    private static NegotiationData data(Negotiation n) {
        // Sorted as the API lists them, so that equal states have equal events.
        return new NegotiationData(n.id, n.title, Vocabulary.wireName(n.status),
                n.parties.stream().sorted(Comparator.comparing((Participation p) -> p.role).thenComparing(p -> p.partyId))
                        .map(p -> new NegotiationParticipant(p.partyId, Vocabulary.wireName(p.role))).toList(),
                n.startedOn, n.endedOn, n.updatedAt);
    }

    private static MeetingData data(Meeting m) {
        Place where = m.location;
        MeetingPlace place = where == null || (where.city == null && where.country == null && where.venue == null)
                ? null : new MeetingPlace(where.city, where.country, where.venue);
        return new MeetingData(m.id, m.negotiationId, m.title, m.startsAt, Vocabulary.wireName(m.startPrecision), m.timingAsReported,
                m.durationSeconds == null ? null : Duration.ofSeconds(m.durationSeconds).toString(), place,
                Vocabulary.wireName(m.format), Vocabulary.wireName(m.status), m.statusNote, sorted(m.partyIds), sorted(m.participantEnvoyIds), sorted(m.discussedProposalIds),
                sorted(m.discussedClauseIds), m.outcomeSummary, sources(m.sources), m.updatedAt);
    }

    /** Ids in a stable order, so that equal meetings give equal events. */
    private static List<UUID> sorted(Collection<UUID> ids) {
        return ids.stream().sorted().toList();
    }

    private static ProposalData data(Proposal p) {
        return new ProposalData(p.id, p.negotiationId, p.title, p.sponsorPartyId, p.documentVersion, Vocabulary.wireName(p.status),
                p.supersedesProposalId, p.summary, sources(p.sources), p.updatedAt);
    }

    private static ClauseData data(Clause c, Proposal p) {
        return new ClauseData(c.id, p.negotiationId, c.proposalId, c.label, c.ordinal, c.heading, c.text, Vocabulary.wireName(c.topic),
                c.derivedFromClauseId, c.updatedAt);
    }

    static List<SourceRef> sources(List<Source> sources) {
        return sources.stream().map(s -> new SourceRef(s.publication(), s.url(), s.publishedOn(), s.attribution())).toList();
    }
}
