package org.parley.events.party;

import org.parley.events.ParleyEvent;

/** Events of parties and their envoys, on {@code parley.parties.v1}, keyed by party id. */
public sealed interface PartyEvent extends ParleyEvent
        permits PartyRegistered, PartyUpdated, PartyRemoved, EnvoyAppointed, EnvoyUpdated, EnvoyMandateEnded {
}
