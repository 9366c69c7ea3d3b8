package org.parley.negotiation.mapping;

import org.parley.negotiation.model.Statement;
import org.parley.negotiation.rest.StatementInput;
import org.parley.negotiation.rest.StatementView;
import org.parley.negotiation.service.RecordStatement;
import org.parley.negotiation.service.StatementByEnvoy;

import java.util.List;

/** Between the statement entity and its API shapes. */
public final class StatementMapper {

    private StatementMapper() {
    }

    public static RecordStatement toCommand(StatementInput input) {
        return new RecordStatement(input.negotiationId(), input.envoyId(), input.meetingId(), input.proposalId(), input.quote(),
                input.saidOn(), input.saidOnPrecision(), input.saidOnAsReported(), input.context(), input.sources());
    }

    public static StatementView toView(StatementByEnvoy said) {
        Statement statement = said.statement();
        return new StatementView(statement.id, statement.negotiationId, statement.envoyId, said.envoyName(), statement.partyId,
                statement.meetingId, statement.proposalId, statement.quote, statement.saidOn, statement.saidOnPrecision,
                statement.saidOnAsReported, statement.context, List.copyOf(statement.sources), statement.createdAt, statement.updatedAt);
    }
}
