package org.parley.party.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.parley.api.ChangeAuthor;
import org.parley.api.Vocabulary;
import org.parley.events.Actor;
import org.parley.events.Outbox;
import org.parley.events.ParleyEvent;
import org.parley.events.party.EnvoyAppointed;
import org.parley.events.party.EnvoyData;
import org.parley.events.party.EnvoyMandateEnded;
import org.parley.events.party.EnvoyUpdated;
import org.parley.events.party.PartyData;
import org.parley.events.party.PartyRegistered;
import org.parley.events.party.PartyRemoved;
import org.parley.events.party.PartyUpdated;
import org.parley.party.model.Envoy;
import org.parley.party.model.Party;

import java.util.List;

/**
 * Records each change as an event in the outbox, on the connection of the change's own transaction: the
 * change and its event commit or roll back together, and nothing is sent to Kafka while a request is
 * served. The relay (run by org.parley.events.quarkus.EventBus) publishes after commit.
 */
@ApplicationScoped
public class EventJournal {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final ChangeAuthor author;

    /** @param outbox built once for the service by the shared event bus (event-bus-quarkus) */
    @Inject
    public EventJournal(EntityManager entityManager, Outbox outbox, ChangeAuthor author) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.author = author;
    }

    public void partyRegistered(Party party) {
        append(new PartyRegistered(data(party)));
    }

    public void partyUpdated(Party party) {
        append(new PartyUpdated(data(party)));
    }

    public void partyRemoved(Party party) {
        // A removal is the party's last change: one past its last version, so that no update can order after it.
        append(new PartyRemoved(party.id, party.slug, party.version + 1));
    }

    public void envoyAppointed(Envoy envoy) {
        append(new EnvoyAppointed(data(envoy)));
    }

    public void envoyUpdated(Envoy envoy) {
        append(new EnvoyUpdated(data(envoy)));
    }

    public void envoyMandateEnded(Envoy envoy) {
        append(new EnvoyMandateEnded(data(envoy)));
    }

    /** The party as its events carry it: vocabulary terms in their wire form, as in the API. */
    static PartyData data(Party party) {
        return new PartyData(party.id, party.slug, party.name, Vocabulary.wireName(party.kind), party.isoCode,
                Vocabulary.wireName(party.conflictRole), party.updatedAt, party.version);
    }

    /** The envoy as their events carry them: vocabulary terms in their wire form, as in the API. */
    static EnvoyData data(Envoy envoy) {
        return new EnvoyData(envoy.id, envoy.partyId, envoy.fullName, List.copyOf(envoy.aliases), envoy.title,
                Vocabulary.wireName(envoy.role), envoy.mandateFrom, envoy.mandateTo, envoy.updatedAt, envoy.version);
    }

    /**
     * The event carries who made the change and why; negotiation-service's audit trail records it from there
     * (see docs/security.md), so this service keeps no trail of its own.
     */
    private void append(ParleyEvent event) {
        Actor actor = new Actor(author.subject(), author.reason());
        entityManager.unwrap(Session.class).doWork(connection -> outbox.append(connection, event, actor));
    }
}
