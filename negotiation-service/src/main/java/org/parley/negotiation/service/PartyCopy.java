package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.parley.events.Inbox;
import org.parley.events.ReceivedEvent;
import org.parley.events.party.EnvoyAppointed;
import org.parley.events.party.EnvoyData;
import org.parley.events.party.EnvoyMandateEnded;
import org.parley.events.party.EnvoyUpdated;
import org.parley.events.party.PartyData;
import org.parley.events.party.PartyEvent;
import org.parley.events.party.PartyRegistered;
import org.parley.events.party.PartyRemoved;
import org.parley.events.party.PartyUpdated;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Keeps known_party and known_envoy from parley.parties.v1. Each event is applied at most once (the inbox row
 * commits with the effect) and never backwards: a row only changes for an event whose version (party-service's
 * lock version of the entity, carried in the event) is higher than the one it holds, so a late or replayed event
 * changes nothing. Not a timestamp: two party-service instances' clocks may disagree, and a removal that looked
 * older than the update before it would be dropped while its inbox row commits, for good. Events from builds
 * that carried no version (0) fall back to updatedAt among themselves. A removed party stays as a tombstone, so
 * that an older update arriving after the removal cannot bring it back.
 */
@ApplicationScoped
public class PartyCopy {

    public static final String CONSUMER = "party-copy";

    private static final Logger LOG = Logger.getLogger(PartyCopy.class);

    private static final String UPSERT_PARTY = """
            INSERT INTO known_party (id, slug, name, kind, iso_code, conflict_role, removed, source_updated_at, source_version, applied_at)
            VALUES (?, ?, ?, ?, ?, ?, false, ?, ?, now())
            ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, name = excluded.name, kind = excluded.kind,
                iso_code = excluded.iso_code, conflict_role = excluded.conflict_role, removed = false,
                source_updated_at = excluded.source_updated_at, source_version = excluded.source_version, applied_at = now()
            WHERE (known_party.source_version, known_party.source_updated_at) < (excluded.source_version, excluded.source_updated_at)""";
    private static final String REMOVE_PARTY = """
            INSERT INTO known_party (id, slug, name, removed, source_updated_at, source_version, applied_at)
            VALUES (?, ?, ?, true, ?, ?, now())
            ON CONFLICT (id) DO UPDATE SET removed = true, source_updated_at = excluded.source_updated_at,
                source_version = excluded.source_version, applied_at = now()
            WHERE (known_party.source_version, known_party.source_updated_at) < (excluded.source_version, excluded.source_updated_at)""";
    private static final String UPSERT_ENVOY = """
            INSERT INTO known_envoy (id, party_id, full_name, aliases, title, role, mandate_from, mandate_to, source_updated_at, source_version, applied_at)
            VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (id) DO UPDATE SET party_id = excluded.party_id, full_name = excluded.full_name, aliases = excluded.aliases,
                title = excluded.title, role = excluded.role, mandate_from = excluded.mandate_from, mandate_to = excluded.mandate_to,
                source_updated_at = excluded.source_updated_at, source_version = excluded.source_version, applied_at = now()
            WHERE (known_envoy.source_version, known_envoy.source_updated_at) < (excluded.source_version, excluded.source_updated_at)""";

    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    @Inject
    EntityManager em;

    @Inject
    AlertService alerts;

    @Inject
    AuditTrail audit;

    /** Called by the consumer thread; returns once the effect (or the decision to skip) is committed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void apply(ReceivedEvent event) {
        em.unwrap(Session.class).doWork(connection -> {
            if (!Inbox.markApplied(connection, CONSUMER, event)) {
                LOG.debugf("party-copy: %s already applied, skipped", event.id());
                return;
            }
            if (event.payload() instanceof PartyEvent party) {
                apply(connection, party, event.time());
                // party-service's changes join the one audit trail here, with the actor their event carries.
                audit.record(connection, AuditTrail.entryId(event.id()), party, event.actor(),
                        event.time() == null ? Instant.now() : event.time(), event.source());
                alerts.raiseFor(party, event.id());
            }
        });
    }

    private void apply(Connection c, PartyEvent event, Instant eventTime) throws SQLException {
        if (event instanceof PartyRegistered e) {
            upsert(c, e.party());
        } else if (event instanceof PartyUpdated e) {
            upsert(c, e.party());
        } else if (event instanceof PartyRemoved e) {
            // PartyRemoved carries no updatedAt; its version orders it, the event's time only breaks ties of versionless events.
            remove(c, e, eventTime == null ? Instant.now() : eventTime);
        } else if (event instanceof EnvoyAppointed e) {
            upsert(c, e.envoy());
        } else if (event instanceof EnvoyUpdated e) {
            upsert(c, e.envoy());
        } else if (event instanceof EnvoyMandateEnded e) {
            // The envoy stays known: meetings it attended still name it.
            upsert(c, e.envoy());
        }
    }

    private static void upsert(Connection c, PartyData p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT_PARTY)) {
            s.setObject(1, p.id());
            s.setString(2, p.slug());
            s.setString(3, p.name());
            s.setString(4, p.kind());
            s.setString(5, p.isoCode());
            s.setString(6, p.conflictRole());
            s.setTimestamp(7, Timestamp.from(p.updatedAt()));
            s.setLong(8, p.version());
            s.executeUpdate();
        }
    }

    private static void remove(Connection c, PartyRemoved e, Instant removedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(REMOVE_PARTY)) {
            s.setObject(1, e.partyId());
            s.setString(2, e.slug());
            s.setString(3, e.slug());
            s.setTimestamp(4, Timestamp.from(removedAt));
            s.setLong(5, e.version());
            s.executeUpdate();
        }
    }

    private void upsert(Connection c, EnvoyData e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT_ENVOY)) {
            s.setObject(1, e.id());
            s.setObject(2, e.partyId());
            s.setString(3, e.fullName());
            s.setString(4, json.writeValueAsString(e.aliases() == null ? java.util.List.of() : e.aliases()));
            s.setString(5, e.title());
            s.setString(6, e.role());
            s.setObject(7, e.mandateFrom());
            s.setObject(8, e.mandateTo());
            s.setTimestamp(9, Timestamp.from(e.updatedAt()));
            s.setLong(10, e.version());
            s.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
