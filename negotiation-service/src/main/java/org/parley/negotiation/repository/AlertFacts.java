package org.parley.negotiation.repository;

import org.parley.events.party.EnvoyData;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the alert rules ({@code service.AlertRules}) may look up: the negotiation's state in the transaction of
 * the change, the change included. {@link AlertFactsRepository} reads it from the database; the rules' unit
 * test gives its own.
 */
public interface AlertFacts {

    /** The party's name in the local copy of party-service's parties, e.g. "Russia". */
    String partyName(UUID partyId);

    Optional<ProposalFacts> proposal(UUID proposalId);

    Optional<ClauseFacts> clause(UUID clauseId);

    Optional<MeetingFacts> meeting(UUID meetingId);

    /** The parties taking part in the negotiation as principals. */
    List<UUID> principals(UUID negotiationId);

    /** The current status (wire name) of each of these parties on the clause; a party without a position is absent. */
    Map<UUID, String> clauseStatuses(UUID clauseId, Collection<UUID> partyIds);

    /** The negotiations, neither concluded nor collapsed, in which the party takes part. */
    List<UUID> ongoingNegotiationsOf(UUID partyId);

    /**
     * The envoy whom a newly appointed one replaces: another envoy of the same party and role whose
     * mandate ended no later than the new one's began (the latest such), if any.
     */
    Optional<EnvoyFacts> predecessor(EnvoyData appointed);

    record ProposalFacts(String title, int version, UUID sponsorPartyId) {
    }

    record ClauseFacts(UUID proposalId, String label, String heading) {
    }

    /** @param place e.g. "The Kremlin, Moscow"; null when unknown */
    record MeetingFacts(String title, Instant startsAt, String place, List<UUID> partyIds) {
    }

    record EnvoyFacts(UUID id, String fullName) {
    }
}
