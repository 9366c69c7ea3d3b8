package org.parley.negotiation.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.parley.api.Vocabulary;
import org.parley.events.party.EnvoyData;
import org.parley.negotiation.model.Clause;
import org.parley.negotiation.model.KnownEnvoy;
import org.parley.negotiation.model.KnownParty;
import org.parley.negotiation.model.Meeting;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.NegotiationStatus;
import org.parley.negotiation.model.ParticipantRole;
import org.parley.negotiation.model.Place;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.Proposal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the alert rules look up, read in the caller's transaction: the change that is being written is
 * part of what they see (queries flush it first).
 */
@ApplicationScoped
public class AlertFactsRepository implements AlertFacts {

    @Inject
    EntityManager em;

    @Override
    public String partyName(UUID partyId) {
        KnownParty party = partyId == null ? null : em.find(KnownParty.class, partyId);
        return party == null ? "an unknown party" : party.name;
    }

    @Override
    public Optional<AlertFacts.ProposalFacts> proposal(UUID proposalId) {
        return Optional.ofNullable(proposalId == null ? null : em.find(Proposal.class, proposalId))
                .map(p -> new AlertFacts.ProposalFacts(p.title, p.documentVersion, p.sponsorPartyId));
    }

    @Override
    public Optional<AlertFacts.ClauseFacts> clause(UUID clauseId) {
        return Optional.ofNullable(clauseId == null ? null : em.find(Clause.class, clauseId))
                .map(c -> new AlertFacts.ClauseFacts(c.proposalId, c.label, c.heading));
    }

    @Override
    public Optional<AlertFacts.MeetingFacts> meeting(UUID meetingId) {
        return Optional.ofNullable(meetingId == null ? null : em.find(Meeting.class, meetingId))
                .map(m -> new AlertFacts.MeetingFacts(m.title, m.startsAt, place(m.location), m.partyIds.stream().sorted().toList()));
    }

    private static String place(Place place) {
        if (place == null) {
            return null;
        }
        String where = Stream.of(place.venue, place.city).filter(Objects::nonNull).filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
        return where.isEmpty() ? place.country : where;
    }

    @Override
    public List<UUID> principals(UUID negotiationId) {
        Negotiation negotiation = em.find(Negotiation.class, negotiationId);
        if (negotiation == null) {
            return List.of();
        }
        return negotiation.parties.stream().filter(p -> p.role == ParticipantRole.PRINCIPAL).map(p -> p.partyId).sorted().toList();
    }

    /** The lock, then the statuses: two statements, each with its own snapshot, sent in one round trip. */
    private static final String LOCK_AND_STATUSES = "select id from clause where id = ? for no key update;"
            + " select party_id, status from party_position where clause_id = ?";
    private static final String LOCK = "select id from clause where id = ? for no key update";

    /**
     * Locks the clause row first, so that two transactions changing positions on the same clause are
     * evaluated one after the other: the second then reads what the first committed (PostgreSQL's read
     * committed takes a new snapshot per statement). Without it, two principals accepting at once would
     * each see the other's old status and no consensus alert would be raised; two leaving at once would
     * raise two. Statuses are read as values, not entities, so that no stale copy in the session is used.
     * <p>
     * Runs on every position write, so it is plain JDBC: the lock and the read go as one pgjdbc multi-statement, one
     * round trip. They stay two statements on purpose: one statement's snapshot is taken when it starts, before the
     * lock it then waits for, and would miss the status the lock's previous holder just committed; the second
     * statement of the pair starts (and takes its snapshot) only once the first has the lock. All positions on the
     * clause (one per party at most) are read and filtered here, so that the statement text never changes.
     */
    @Override
    public Map<UUID, String> clauseStatuses(UUID clauseId, Collection<UUID> partyIds) {
        Session session = em.unwrap(Session.class);
        // What a query through the session would do first: the change being written is part of what the rules see.
        session.flush();
        Set<UUID> wanted = Set.copyOf(partyIds);
        return session.doReturningWork(connection -> {
            Map<UUID, String> statuses = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(wanted.isEmpty() ? LOCK : LOCK_AND_STATUSES)) {
                statement.setObject(1, clauseId);
                if (wanted.isEmpty()) {
                    statement.execute();
                    return statuses;
                }
                statement.setObject(2, clauseId);
                statement.execute();
                // The first result is the lock's row; the second the statuses.
                if (!statement.getMoreResults()) {
                    throw new IllegalStateException("the statuses' result set is missing");
                }
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        UUID party = rows.getObject(1, UUID.class);
                        if (wanted.contains(party)) {
                            statuses.put(party, Vocabulary.wireName(PositionStatus.valueOf(rows.getString(2))));
                        }
                    }
                }
            }
            return statuses;
        });
    }

    @Override
    public List<UUID> ongoingNegotiationsOf(UUID partyId) {
        return em.createQuery("select n.id from Negotiation n join n.parties p where p.partyId = :party and n.status in :ongoing order by n.id", UUID.class)
                .setParameter("party", partyId)
                .setParameter("ongoing", List.of(NegotiationStatus.ACTIVE, NegotiationStatus.STALLED))
                .getResultList();
    }

    @Override
    public Optional<AlertFacts.EnvoyFacts> predecessor(EnvoyData appointed) {
        if (appointed.role() == null) {
            return Optional.empty();
        }
        LocalDate from = appointed.mandateFrom() != null ? appointed.mandateFrom() : LocalDate.ofInstant(appointed.updatedAt(), java.time.ZoneOffset.UTC);
        return em.createQuery("from KnownEnvoy e where e.partyId = :party and e.role = :role and e.id <> :id "
                        + "and e.mandateTo is not null and e.mandateTo <= :from order by e.mandateTo desc, e.id", KnownEnvoy.class)
                .setParameter("party", appointed.partyId())
                .setParameter("role", appointed.role())
                .setParameter("id", appointed.id())
                .setParameter("from", from)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(e -> new AlertFacts.EnvoyFacts(e.id, e.fullName));
    }
}
