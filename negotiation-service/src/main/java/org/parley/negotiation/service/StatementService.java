package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.KnownEnvoy;
import org.parley.negotiation.model.Meeting;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.Proposal;
import org.parley.negotiation.model.Statement;
import org.parley.negotiation.repository.StatementFilter;
import org.parley.negotiation.repository.StatementRepository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class StatementService {

    @Inject
    StatementRepository statements;

    @Inject
    KnownReferences known;

    @Inject
    StatementEvents events;

    @Inject
    EntityManager em;

    /**
     * Records a quote. Every reference is checked before anything is written, so a refused request leaves
     * nothing behind; the event goes into the outbox in the same transaction as the row.
     */
    @Transactional
    public Statement record(RecordStatement input) {
        Sources.required(input.sources(), "A statement");
        requireNegotiation(input.negotiationId());
        known.require(List.of(), List.of(input.envoyId()));
        KnownEnvoy envoy = KnownEnvoy.findById(input.envoyId());
        if (input.meetingId() != null) {
            Meeting meeting = Meeting.findById(input.meetingId());
            if (meeting == null) {
                throw ApiException.unknownReference("unknown meeting id: " + input.meetingId());
            }
            requireSameNegotiation("meeting", meeting.id, meeting.negotiationId, input.negotiationId());
        }
        if (input.proposalId() != null) {
            Proposal proposal = Proposal.findById(input.proposalId());
            if (proposal == null) {
                throw ApiException.unknownReference("unknown proposal id: " + input.proposalId());
            }
            requireSameNegotiation("proposal", proposal.id, proposal.negotiationId, input.negotiationId());
        }
        Statement statement = new Statement();
        statement.id = UUID.randomUUID();
        statement.negotiationId = input.negotiationId();
        statement.envoyId = input.envoyId();
        statement.meetingId = input.meetingId();
        statement.proposalId = input.proposalId();
        // Verbatim: the quote is stored exactly as sent.
        statement.quote = input.quote();
        statement.saidOn = input.saidOn();
        statement.saidOnPrecision = input.saidOnPrecision() != null ? input.saidOnPrecision() : DatePrecision.dayDefaultFor(input.saidOn());
        statement.saidOnAsReported = StatementText.trimToNull(input.saidOnAsReported());
        statement.context = StatementText.trimToNull(input.context());
        statement.sources = List.copyOf(input.sources());
        statement.partyId = envoy.partyId;
        statement.createdAt = statement.updatedAt = Clock.now();
        statements.persistAndFlush(statement);
        events.statementRecorded(statement, envoy.fullName);
        return statement;
    }

    public Statement get(UUID id) {
        Statement statement = statements.findById(id);
        if (statement == null) {
            throw ApiException.notFound("Statement", id);
        }
        return statement;
    }

    /** The statement with its envoy's name, as it is shown. */
    public StatementByEnvoy byEnvoy(Statement statement) {
        KnownEnvoy envoy = KnownEnvoy.findById(statement.envoyId);
        return new StatementByEnvoy(statement, envoy == null ? null : envoy.fullName);
    }

    public Page<StatementByEnvoy> list(StatementFilter filter, PageRequest request) {
        Page<Statement> found = statements.search(filter, request);
        Map<UUID, String> names = envoyNames(found.items().stream().map(s -> s.envoyId).collect(Collectors.toSet()));
        return found.map(s -> new StatementByEnvoy(s, names.get(s.envoyId)));
    }

    /** One query for the names on a page, whatever its size. */
    private Map<UUID, String> envoyNames(Set<UUID> envoyIds) {
        Map<UUID, String> names = new HashMap<>();
        if (envoyIds.isEmpty()) {
            return names;
        }
        em.createQuery("select e.id, e.fullName from KnownEnvoy e where e.id in :ids", Object[].class)
                .setParameter("ids", envoyIds)
                .getResultList()
                .forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }

    static void requireNegotiation(UUID negotiationId) {
        if (negotiationId != null && Negotiation.findById(negotiationId) == null) {
            throw ApiException.unknownReference("unknown negotiation id: " + negotiationId);
        }
    }

    private static void requireSameNegotiation(String what, UUID id, UUID actual, UUID expected) {
        if (!actual.equals(expected)) {
            throw ApiException.unprocessable("negotiation-mismatch", "Reference to another negotiation",
                    what + " " + id + " belongs to negotiation " + actual + ", not to " + expected);
        }
    }
}
