package org.parley.negotiation.mapping;

import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.Statement;
import org.parley.negotiation.rest.StatementInput;
import org.parley.negotiation.rest.StatementView;

import java.util.List;

public final class StatementMapper {

    private StatementMapper() {
    }

    /** Copies what the client sent; ids, party and timestamps are the service's to set. */
    public static void apply(StatementInput request, Statement statement) {
        statement.negotiationId = request.negotiationId();
        statement.envoyId = request.envoyId();
        statement.meetingId = request.meetingId();
        statement.proposalId = request.proposalId();
        statement.quote = request.quote();
        statement.saidOn = request.saidOn();
        statement.saidOnPrecision = request.saidOnPrecision() != null ? request.saidOnPrecision() : DatePrecision.dayDefaultFor(request.saidOn());
        statement.saidOnAsReported = StatementText.trimToNull(request.saidOnAsReported());
        statement.context = StatementText.trimToNull(request.context());
        statement.sources = List.copyOf(request.sources());
    }

    public static StatementView toResponse(Statement statement, String envoyName) {
        return new StatementView(statement.id, statement.negotiationId, statement.envoyId, envoyName, statement.partyId,
                statement.meetingId, statement.proposalId, statement.quote, statement.saidOn, statement.saidOnPrecision,
                statement.saidOnAsReported, statement.context, List.copyOf(statement.sources), statement.createdAt, statement.updatedAt);
    }
}
