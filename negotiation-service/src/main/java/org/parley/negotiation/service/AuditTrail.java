package org.parley.negotiation.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.api.Vocabulary;
import org.parley.events.Actor;
import org.parley.events.EventCatalog;
import org.parley.events.Outbox;
import org.parley.events.ParleyEvent;
import org.parley.events.negotiation.ClauseAdded;
import org.parley.events.negotiation.ClauseUpdated;
import org.parley.events.negotiation.ClausesReordered;
import org.parley.events.negotiation.IncidentRecorded;
import org.parley.events.negotiation.MeetingScheduled;
import org.parley.events.negotiation.MeetingStatusChanged;
import org.parley.events.negotiation.MeetingUpdated;
import org.parley.events.negotiation.NegotiationOpened;
import org.parley.events.negotiation.NegotiationUpdated;
import org.parley.events.negotiation.PositionRecorded;
import org.parley.events.negotiation.ProposalStatusChanged;
import org.parley.events.negotiation.ProposalTabled;
import org.parley.events.negotiation.ProposalUpdated;
import org.parley.events.negotiation.StatementRecorded;
import org.parley.events.party.EnvoyAppointed;
import org.parley.events.party.EnvoyMandateEnded;
import org.parley.events.party.EnvoyUpdated;
import org.parley.events.party.PartyRegistered;
import org.parley.events.party.PartyRemoved;
import org.parley.events.party.PartyUpdated;
import org.parley.negotiation.model.AuditEntry;
import org.parley.negotiation.repository.AuditRepository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the audit trail: one entry per change, from the event that reports it, on the connection of the
 * change's own transaction. Every write in Parley emits an event, so the trail misses none: this service's
 * own as they are appended to the outbox, party-service's as they arrive on parley.parties.v1 carrying
 * their actor. Alerts are the service's own conclusions, not anyone's change, and are not audited. Reads go
 * through {@link AuditRepository}.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT = """
            INSERT INTO audit_entry (event_id, occurred_at, subject, reason, action, service, entity_type, entity_id,
                                     negotiation_id, entity_path, history_path)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (event_id) DO NOTHING""";

    /**
     * The kinds of entity the trail records changes to, and the collection each is read from under /api/v1. The
     * wire name is what {@code audit_entry.entity_type} stores and the API shows.
     */
    public enum EntityType {
        @JsonProperty("party") PARTY("parties"),
        @JsonProperty("envoy") ENVOY("envoys"),
        @JsonProperty("negotiation") NEGOTIATION("negotiations"),
        @JsonProperty("meeting") MEETING("meetings"),
        @JsonProperty("proposal") PROPOSAL("proposals"),
        @JsonProperty("clause") CLAUSE("clauses"),
        @JsonProperty("position") POSITION(null),
        @JsonProperty("statement") STATEMENT("statements"),
        @JsonProperty("incident") INCIDENT("incidents");

        /** Null for a position, which is read under its clause or proposal. */
        private final String collection;

        EntityType(String collection) {
            this.collection = collection;
        }
    }

    /** What a change was made to, and where a client reads it and its history. */
    record Entity(EntityType type, UUID id, UUID negotiationId, String path, String historyPath) {

        static Entity plain(EntityType type, UUID id, UUID negotiationId) {
            return new Entity(type, id, negotiationId, "/api/v1/" + type.collection + "/" + id, "/api/v1/audit?entity=" + id);
        }
    }

    /** Parley's events have UUID ids; another producer's id still gets a stable entry id of its own. */
    static UUID entryId(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(eventId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Inject
    AuditRepository entries;

    public Page<AuditEntry> list(AuditRepository.Filter filter, String sort, PageRequest request) {
        return entries.list(filter, sort, request);
    }

    public void record(Connection connection, UUID eventId, ParleyEvent event, Actor actor, Instant at, String service) throws SQLException {
        Optional<Outbox.Alongside> entry = entry(event, actor, at, service);
        if (entry.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            entry.get().bind(insert, 1, eventId);
            insert.executeUpdate();
        }
    }

    /**
     * The entry of a change this service is writing, as a statement that rides with the event's outbox append
     * ({@link Outbox#append(Connection, ParleyEvent, Actor, List, List)}): same transaction, same round trip, the
     * event's id as the entry's. Empty for an event that is not audited.
     */
    public Optional<Outbox.Alongside> entry(ParleyEvent event, Actor actor, Instant at, String service) {
        return entityOf(event).map(entity -> new Outbox.Alongside() {
            @Override
            public String sql() {
                return INSERT;
            }

            @Override
            public int bind(PreparedStatement insert, int first, UUID eventId) throws SQLException {
                insert.setObject(first, eventId);
                insert.setTimestamp(first + 1, Timestamp.from(at));
                insert.setString(first + 2, actor == null ? null : actor.subject());
                insert.setString(first + 3, actor == null ? null : actor.reason());
                insert.setString(first + 4, EventCatalog.typeOf(event.getClass()));
                insert.setString(first + 5, service);
                insert.setString(first + 6, Vocabulary.wireName(entity.type()));
                insert.setObject(first + 7, entity.id());
                insert.setObject(first + 8, entity.negotiationId());
                insert.setString(first + 9, entity.path());
                insert.setString(first + 10, entity.historyPath());
                return 11;
            }
        });
    }

    static Optional<Entity> entityOf(ParleyEvent event) {
        Entity entity = null;
        if (event instanceof PartyRegistered e) {
            entity = Entity.plain(EntityType.PARTY, e.party().id(), null);
        } else if (event instanceof PartyUpdated e) {
            entity = Entity.plain(EntityType.PARTY, e.party().id(), null);
        } else if (event instanceof PartyRemoved e) {
            entity = Entity.plain(EntityType.PARTY, e.partyId(), null);
        } else if (event instanceof EnvoyAppointed e) {
            entity = Entity.plain(EntityType.ENVOY, e.envoy().id(), null);
        } else if (event instanceof EnvoyUpdated e) {
            entity = Entity.plain(EntityType.ENVOY, e.envoy().id(), null);
        } else if (event instanceof EnvoyMandateEnded e) {
            entity = Entity.plain(EntityType.ENVOY, e.envoy().id(), null);
        } else if (event instanceof NegotiationOpened e) {
            entity = Entity.plain(EntityType.NEGOTIATION, e.negotiation().id(), e.negotiationId());
        } else if (event instanceof NegotiationUpdated e) {
            entity = Entity.plain(EntityType.NEGOTIATION, e.negotiation().id(), e.negotiationId());
        } else if (event instanceof MeetingScheduled e) {
            entity = Entity.plain(EntityType.MEETING, e.meeting().id(), e.negotiationId());
        } else if (event instanceof MeetingUpdated e) {
            entity = Entity.plain(EntityType.MEETING, e.meeting().id(), e.negotiationId());
        } else if (event instanceof MeetingStatusChanged e) {
            entity = Entity.plain(EntityType.MEETING, e.meetingId(), e.negotiationId());
        } else if (event instanceof ProposalTabled e) {
            entity = Entity.plain(EntityType.PROPOSAL, e.proposal().id(), e.negotiationId());
        } else if (event instanceof ProposalUpdated e) {
            entity = Entity.plain(EntityType.PROPOSAL, e.proposal().id(), e.negotiationId());
        } else if (event instanceof ProposalStatusChanged e) {
            entity = Entity.plain(EntityType.PROPOSAL, e.proposalId(), e.negotiationId());
        } else if (event instanceof ClausesReordered e) {
            entity = Entity.plain(EntityType.PROPOSAL, e.proposalId(), e.negotiationId());
        } else if (event instanceof ClauseAdded e) {
            entity = Entity.plain(EntityType.CLAUSE, e.clause().id(), e.negotiationId());
        } else if (event instanceof ClauseUpdated e) {
            entity = Entity.plain(EntityType.CLAUSE, e.clause().id(), e.negotiationId());
        } else if (event instanceof StatementRecorded e) {
            entity = Entity.plain(EntityType.STATEMENT, e.statementId(), e.negotiationId());
        } else if (event instanceof IncidentRecorded e) {
            entity = Entity.plain(EntityType.INCIDENT, e.incidentId(), e.negotiationId());
        } else if (event instanceof PositionRecorded e) {
            // A position has a history of its own: every stance the party took, with its sources.
            String path = e.clauseId() != null
                    ? "/api/v1/clauses/" + e.clauseId() + "/positions/" + e.partyId()
                    : "/api/v1/proposals/" + e.proposalId() + "/positions/" + e.partyId();
            entity = new Entity(EntityType.POSITION, e.positionId(), e.negotiationId(), path, path + "/history");
        }
        return Optional.ofNullable(entity);
    }
}
